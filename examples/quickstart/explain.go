package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/typedcloud/sdk-go/outboundbot"
)

// hints say what to check for the errors a first run meets.
var hints = map[string]string{
	"SignatureDoesNotMatch":        "the AccessKey secret does not match the AccessKey ID: check ALIBABA_CLOUD_ACCESS_KEY_SECRET",
	"IncompleteSignature":          "the request signature is malformed: check the AccessKey values for stray characters",
	"InvalidAccessKeyId.NotFound":  "this AccessKey ID does not exist: check ALIBABA_CLOUD_ACCESS_KEY_ID",
	"InvalidAccessKeyId.Inactive":  "this AccessKey is disabled: enable it in the RAM console or use another",
	"InvalidTimeStamp.Expired":     "this machine's clock is more than 15 minutes off: sync it (NTP)",
	"InvalidSecurityToken.Expired": "the STS token expired: refresh ALIBABA_CLOUD_SECURITY_TOKEN",
	"Forbidden.RAM":                "the RAM user lacks permission for this action: grant it in the RAM console",
	"AuthFailure.TokenFailure":     "the industrial cloud token is invalid or expired: check INDUSTRIALCLOUD_TOKEN",
	"AuthFailure.SignatureFailure": "the TC3 signature was rejected: check INDUSTRIALCLOUD_SECRET_ID and INDUSTRIALCLOUD_SECRET_KEY",
	"AuthFailure.SignatureExpire":  "this machine's clock is more than 5 minutes off: sync it (NTP)",
	"AuthFailure.SecretIdNotFound": "this SecretId does not exist: check INDUSTRIALCLOUD_SECRET_ID",
}

// explain renders err as one line: product, operation, code, request ID and
// what to check, without the wrapped text of every layer.
func explain(product, op string, err error) string {
	var apiErr *outboundbot.APIError
	var opErr *outboundbot.OperationError
	var decErr *outboundbot.DecodeError
	switch {
	case errors.As(err, &apiErr):
		line := fmt.Sprintf("%s %s: %s (HTTP %d, request %s)", product, op, apiErr.Code, apiErr.HTTPStatus, apiErr.RequestID)
		if hint, ok := hints[apiErr.Code]; ok {
			return line + ": " + hint
		}
		return line + ": " + apiErr.Message
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("%s %s: timed out: check the endpoint and the network", product, op)
	case errors.Is(err, context.Canceled):
		return fmt.Sprintf("%s %s: cancelled", product, op)
	case errors.As(err, &opErr) && opErr.Attempts == 0:
		return fmt.Sprintf("%s %s: not sent: %v: check the credentials configuration", product, op, opErr.Err)
	case errors.As(err, &opErr):
		return fmt.Sprintf("%s %s: no answer after %d attempts (%v): check the endpoint and the network", product, op, opErr.Attempts, opErr.Err)
	case errors.As(err, &decErr):
		return fmt.Sprintf("%s %s: the answer is not the documented shape (HTTP %d): is the endpoint right?", product, op, decErr.HTTPStatus)
	}
	return fmt.Sprintf("%s %s: %v", product, op, err)
}
