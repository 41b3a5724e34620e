package transport

import (
	"bytes"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseEndpoint(t *testing.T) {
	for in, want := range map[string]string{
		"outboundbot.cn-shanghai.aliyuncs.com": "https://outboundbot.cn-shanghai.aliyuncs.com/",
		"Instance-Console-API.Example.COM":     "https://instance-console-api.example.com/",
		"http://127.0.0.1:8080":                "http://127.0.0.1:8080/",
		"http://127.0.0.1:8080/base/":          "http://127.0.0.1:8080/base/",
		"https://h.example:8443":               "https://h.example:8443/",
	} {
		u, err := ParseEndpoint(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, u.String())
	}
	for _, bad := range []string{"", "ftp://x", "http://", "http://h/?a=b", "http://[::1"} {
		_, err := ParseEndpoint(bad)
		assert.Error(t, err, bad)
	}
}

func TestWarnPlainHTTP(t *testing.T) {
	for in, warn := range map[string]bool{
		"http://console.example.com": true,
		"http://10.0.0.8:8080":       true,
		"https://console.example":    false,
		"http://127.0.0.1:8080":      false,
		"http://[::1]:8080":          false,
		"http://localhost:8080":      false,
	} {
		u, err := ParseEndpoint(in)
		require.NoError(t, err)
		var buf bytes.Buffer
		WarnPlainHTTP(slog.New(slog.NewTextHandler(&buf, nil)), "industrialcloud", u)
		assert.Equal(t, warn, bytes.Contains(buf.Bytes(), []byte("plain http")), in)
	}
	u, _ := ParseEndpoint("http://console.example.com")
	WarnPlainHTTP(nil, "x", u) // a nil logger is silent, not a panic
}
