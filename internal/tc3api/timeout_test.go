package tc3api

import (
	"context"
	"net/http"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/typedcloud/sdk-go/internal/apierror"
)

// slowServer is tokenServer answering each request after delay, or
// failing as soon as the request's context ends. arrived lists the token
// of every request, answered or not.
type slowServer struct {
	tokenServer
	delay   time.Duration
	arrived []string
}

func (s *slowServer) Do(req *http.Request) (*http.Response, error) {
	s.arrived = append(s.arrived, req.Header.Get("X-TC-Token"))
	select {
	case <-time.After(s.delay):
		return s.tokenServer.Do(req)
	case <-req.Context().Done():
		return nil, req.Context().Err()
	}
}

// TestTimeoutSpansTokenRefresh: Transport.Timeout is one deadline for the
// call, the run with a refreshed token included.
func TestTimeoutSpansTokenRefresh(t *testing.T) {
	for _, tt := range []struct {
		name    string
		delay   time.Duration
		wantErr bool
		took    time.Duration
	}{
		{name: "both runs fit", delay: 100 * time.Millisecond, took: 200 * time.Millisecond},
		{name: "the second run is cut at the deadline", delay: 200 * time.Millisecond, wantErr: true, took: 300 * time.Millisecond},
	} {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				srv := &slowServer{tokenServer: tokenServer{good: "fresh"}, delay: tt.delay}
				current := "stale"
				c := newClient(nil, Credentials{})
				c.Transport.HTTPClient, c.Transport.Timeout = srv, 300*time.Millisecond
				c.Credentials = func(context.Context) (Credentials, error) { return Credentials{Token: current}, nil }
				c.TokenRejected = func(string) bool { current = "fresh"; return true }

				start := time.Now()
				err := c.Invoke(t.Context(), Call{Action: "ModifyInstanceName"})
				assert.Equal(t, tt.took, time.Since(start))
				assert.Equal(t, []string{"stale", "fresh"}, srv.arrived, "the call is made again with the refreshed token")
				if !tt.wantErr {
					require.NoError(t, err)
					return
				}
				var opErr *apierror.OperationError
				require.ErrorAs(t, err, &opErr)
				assert.ErrorIs(t, err, context.DeadlineExceeded)
			})
		})
	}
}
