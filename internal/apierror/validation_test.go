package apierror

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidationError(t *testing.T) {
	var v Validator
	v.Required("InstanceName", "")
	v.Required("InstanceID", "x")
	v.Check(false, "MaxConcurrentConversation", "must be greater than 0")
	v.Check(true, "PageSize", "never")
	err := v.Err("outboundbot", "CreateInstance")
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []FieldError{{Field: "InstanceName", Reason: "is required"}, {Field: "MaxConcurrentConversation", Reason: "must be greater than 0"}}, ve.Fields)
	assert.Equal(t, "outboundbot CreateInstance: invalid request: InstanceName is required; MaxConcurrentConversation must be greater than 0", err.Error())
	assert.True(t, errors.Is(err, ErrInvalidParameter))

	var ok Validator
	assert.NoError(t, ok.Err("p", "o"))
}
