package ccc

import (
	"errors"
	"net/http"
	"testing"

	"github.com/aliyun/credentials-go/credentials"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostOf is an HTTPClient that notes the host of the request and answers
// nothing.
type hostOf struct{ host string }

func (h *hostOf) Do(r *http.Request) (*http.Response, error) {
	h.host = r.URL.Host
	return nil, errors.New("not sent")
}

// TestRegionalEndpoints: every region the model sends to the central
// endpoint goes there, any other region to ccc.<region>.aliyuncs.com, and
// Options.Endpoint wins over both.
func TestRegionalEndpoints(t *testing.T) {
	m := testModel(t)
	require.NotNil(t, m.Endpoints)
	require.Len(t, m.Endpoints.Regions, 22)
	cred, err := credentials.NewCredential(new(credentials.Config).SetType("access_key").SetAccessKeyId("id").SetAccessKeySecret("secret"))
	require.NoError(t, err)
	want := map[string]string{"cn-shanghai": "ccc.cn-shanghai.aliyuncs.com", "cn-hangzhou": "ccc.cn-hangzhou.aliyuncs.com"}
	for _, r := range m.Endpoints.Regions {
		want[r] = "ccc.aliyuncs.com"
	}
	call := func(o Options) string {
		h := &hostOf{}
		o.Credential, o.HTTPClient, o.Retry = cred, h, RetryOptions{MaxAttempts: 1}
		c, err := New(o)
		require.NoError(t, err)
		_, _ = c.GetInstance(t.Context(), &GetInstanceRequest{InstanceID: "ccc-test"})
		return h.host
	}
	for region, host := range want {
		assert.Equal(t, host, call(Options{Region: region}), region)
	}
	assert.Equal(t, "ccc.cn-shanghai.aliyuncs.com", call(Options{}), "the default region")
	assert.Equal(t, "gw.example.com", call(Options{Region: "cn-beijing", Endpoint: "gw.example.com"}), "Endpoint overrides")
}
