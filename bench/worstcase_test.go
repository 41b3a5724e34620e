package bench

import (
	"bytes"
	"context"
	"runtime"
	"testing"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/outboundbot"
)

// worstBodyBytes is the size of the worst-case answers: just under the
// transport's 8 MiB read cap, so the whole body reaches the decoder.
const worstBodyBytes = 8<<20 - 64

// worstBody returns head, then copies of elem separated by commas until
// the body is nearly worstBodyBytes long, then tail.
func worstBody(head, elem, tail string) []byte {
	var b bytes.Buffer
	b.WriteString(head)
	for i := 0; b.Len()+len(elem)+1+len(tail) < worstBodyBytes; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(elem)
	}
	b.WriteString(tail)
	return b.Bytes()
}

// worstCase is one list operation answered with a body at the read cap:
// either a page of empty objects (the page cap and the instance's ID stop
// it), or one valid instance whose nested list is empty objects (the
// answer's element budget stops it).
type worstCase struct {
	name string
	body []byte
	call func(c *worstClients) error
}

// worstClients are one client of each product, answered from memory.
type worstClients struct {
	ans *memoryAnswer
	ob  *outboundbot.Client
	cc  *ccc.Client
	ic  *industrialcloud.Client
}

func newWorstClients(b *testing.B) *worstClients {
	w := &worstClients{ans: new(memoryAnswer)}
	o, err := SDKOptions(&Server{URL: "http://127.0.0.1:1"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	o.HTTPClient = w.ans
	if w.ob, err = outboundbot.New(o); err != nil {
		b.Fatal(err)
	}
	if w.cc, err = ccc.New(CCCOptions(o)); err != nil {
		b.Fatal(err)
	}
	w.ic, err = industrialcloud.New(industrialcloud.Options{Endpoint: "http://127.0.0.1:1", Token: "t",
		HTTPClient: w.ans, Retry: industrialcloud.RetryOptions{MaxAttempts: 1}})
	if err != nil {
		b.Fatal(err)
	}
	return w
}

const (
	obHead  = `{"RequestId":"R","Code":"OK","Success":true,"TotalCount":1,"Instances":[`
	cccHead = `{"RequestId":"R","Code":"OK","HttpStatusCode":200,"Data":{"TotalCount":1,"PageNumber":1,"PageSize":100,"List":[`
	icHead  = `{"Response":{"RequestId":"R","Data":{"TotalCount":1,"Instances":[`
)

var worstCases = []worstCase{
	{"outboundbot.ListInstances/empty-items", worstBody(obHead, `{}`, `]}`), obList},
	{"outboundbot.ListInstances/nested", worstBody(obHead+`{"InstanceId":"i","ResourceTags":[`, `{}`, `]}]}`), obList},
	{"ccc.ListInstances/empty-items", worstBody(cccHead, `{}`, `]}}`), cccList},
	{"ccc.ListInstances/nested", worstBody(cccHead+`{"Id":"c","NumberList":[`, `{}`, `]}]}}`), cccList},
	{"ccc.ListInstancesOfUser/empty-items", worstBody(cccHead, `{}`, `]}}`), cccListOfUser},
	{"industrialcloud.DescribeInstances/empty-items", worstBody(icHead, `{}`, `]}}}`), icList},
	{"industrialcloud.DescribeInstances/nested", worstBody(icHead+`{"UUID":"u","CustomSpecItems":[`, `{}`, `]}]}}}`), icList},
}

func obList(c *worstClients) error {
	_, err := c.ob.ListInstances(context.Background(), &outboundbot.ListInstancesRequest{PageSize: 100})
	return err
}

func cccList(c *worstClients) error {
	_, err := c.cc.ListInstances(context.Background(), &ccc.ListInstancesRequest{})
	return err
}

func cccListOfUser(c *worstClients) error {
	_, err := c.cc.ListInstancesOfUser(context.Background(), &ccc.ListInstancesOfUserRequest{})
	return err
}

func icList(c *worstClients) error {
	_, err := c.ic.DescribeInstances(context.Background(), &industrialcloud.DescribeInstancesRequest{
		Status: []industrialcloud.Status{industrialcloud.StatusDelivered}})
	return err
}

// BenchmarkWorstCaseAnswer: what one call costs when a list operation is
// answered with a hostile body at the read cap. The answer must be
// refused (a DecodeError), in time and memory proportional to the body:
// heap-B/op is what the call allocates (with collection off, the most it
// can hold at once), heap/body that divided by the body's size.
func BenchmarkWorstCaseAnswer(b *testing.B) {
	c := newWorstClients(b)
	for _, wc := range worstCases {
		b.Run("op="+wc.name, func(b *testing.B) {
			c.ans.body = wc.body
			if err := wc.call(c); err == nil {
				b.Fatal("a worst-case answer was accepted")
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			b.ReportAllocs()
			for b.Loop() {
				_ = wc.call(c)
			}
			runtime.ReadMemStats(&after)
			perOp := float64(after.TotalAlloc-before.TotalAlloc) / float64(b.N)
			b.ReportMetric(perOp, "heap-B/op")
			b.ReportMetric(perOp/float64(len(wc.body)), "heap/body")
			b.ReportMetric(float64(len(wc.body)), "body-B")
		})
	}
}
