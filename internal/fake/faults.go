package fake

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/typedcloud/sdk-go/fakeserver"
)

// Fault makes the next calls misbehave; see fakeserver.Fault.
type Fault = fakeserver.Fault

// fault is an injected Fault and how many calls it still affects.
type fault struct {
	Fault
	left int
}

// Inject queues a fault. Faults apply in the order injected; each matching
// call uses up one of the first matching fault's Times.
func (s *Server) Inject(f Fault) {
	s.mu.Lock()
	s.faults = append(s.faults, &fault{Fault: f, left: max(f.Times, 1)})
	s.mu.Unlock()
}

// ClearFaults removes every queued fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	s.faults = nil
	s.mu.Unlock()
}

// takeFault returns the first fault matching action, using up one call.
func (s *Server) takeFault(action string) *fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if f.Action != "" && f.Action != action {
			continue
		}
		f.left--
		if f.left <= 0 {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
		}
		return f
	}
	return nil
}

// delay waits out Latency; false means the client went away first.
func (f *fault) delay(ctx context.Context) bool {
	if f == nil || f.Latency <= 0 {
		return true
	}
	t := time.NewTimer(f.Latency)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// answers reports whether the fault replaces the answer (rather than only
// delaying it).
func (f *fault) answers() bool {
	return f != nil && (f.Drop || f.ResetMidBody || f.Code != "" || f.Body != "" || f.Status != 0)
}

// reply is how the fault is recorded.
func (f *fault) reply() Reply {
	switch {
	case f.Drop:
		return Reply{Code: "fault:drop"}
	case f.ResetMidBody:
		return Reply{Status: http.StatusOK, Code: "fault:reset-mid-body"}
	case f.Code != "":
		return Reply{Status: f.status(http.StatusInternalServerError), Code: f.Code, Message: f.Message}
	}
	return Reply{Status: f.status(http.StatusOK), Code: "fault:raw-body"}
}

func (f *fault) status(def int) int {
	if f.Status != 0 {
		return f.Status
	}
	return def
}

func (f *fault) write(s *Server, w http.ResponseWriter, c *Call, requestID string) {
	switch {
	case f.Drop:
		hijackAndClose(w, nil)
	case f.ResetMidBody:
		body := fmt.Sprintf(`{"RequestId":%q,"Code":"OK","Data":{"Items":[{"Id":"`, requestID)
		head := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", 2*len(body))
		hijackAndClose(w, []byte(head+body))
	case f.Code != "":
		s.cfg.Protocol.Write(w, c, requestID, Reply{Status: f.status(http.StatusInternalServerError), Code: f.Code, Message: f.Message})
	default:
		ct := f.ContentType
		if ct == "" {
			ct = "application/json"
		}
		w.Header().Set("Content-Type", ct)
		w.WriteHeader(f.status(http.StatusOK))
		w.Write([]byte(f.Body))
	}
}

// hijackAndClose takes the connection over, writes raw bytes (if any) and
// closes it: the client sees a reset or an unexpected EOF.
func hijackAndClose(w http.ResponseWriter, raw []byte) {
	hj, ok := w.(http.Hijacker)
	if !ok { // HTTP/2: the nearest thing is an abort
		http.Error(w, "connection dropped", http.StatusServiceUnavailable)
		return
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	if raw != nil {
		writeRaw(buf, raw)
	}
}

func writeRaw(buf *bufio.ReadWriter, raw []byte) {
	buf.Write(raw)
	buf.Flush()
}
