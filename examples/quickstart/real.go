package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/aliyun/credentials-go/credentials"

	"github.com/typedcloud/sdk-go/ccc"
	"github.com/typedcloud/sdk-go/industrialcloud"
	"github.com/typedcloud/sdk-go/outboundbot"
)

// realWalks returns the task of each configured product, on clients for
// the real cloud (or the endpoints the flags name).
func realWalks(cfg config, env environment, getenv func(string) string) ([]walk, error) {
	var walks []walk
	if env.alibaba == "" {
		walks = append(walks,
			skipped(outboundbotTitle, "no Alibaba Cloud credentials configured"),
			skipped(cccTitle, "no Alibaba Cloud credentials configured"))
	} else {
		cred, err := alibabaCredential(getenv)
		if err != nil {
			return nil, err
		}
		ob, err := outboundbot.New(outboundbot.Options{Region: cfg.region, Endpoint: cfg.endpoints["outboundbot"], Credential: cred, Logger: cfg.logger()})
		if err != nil {
			return nil, err
		}
		cc, err := ccc.New(ccc.Options{Region: cfg.region, Endpoint: cfg.endpoints["ccc"], Credential: cred, Logger: cfg.logger()})
		if err != nil {
			return nil, err
		}
		name := demoName()
		demo := cccDemo{admin: cfg.cccAdmin, poll: cfg.poll}
		if cfg.write {
			demo.domain = name
		}
		walks = append(walks, outboundbotWalk(ob, cfg.write, name, outboundbot.MaxPageSize), cccWalk(cc, demo))
	}
	if !env.industrialcloud {
		return append(walks, skipped(industrialcloudTitle, "set INDUSTRIALCLOUD_DOMAIN and INDUSTRIALCLOUD_TOKEN")), nil
	}
	endpoint := firstNonEmpty(cfg.endpoints["industrialcloud"], getenv("INDUSTRIALCLOUD_ENDPOINT"))
	ic, err := industrialcloud.New(industrialcloud.Options{
		Domain: getenv("INDUSTRIALCLOUD_DOMAIN"), Endpoint: endpoint, Token: getenv("INDUSTRIALCLOUD_TOKEN"),
		SecretID: getenv("INDUSTRIALCLOUD_SECRET_ID"), SecretKey: getenv("INDUSTRIALCLOUD_SECRET_KEY"), Logger: cfg.logger(),
	})
	if err != nil {
		return nil, err
	}
	return append(walks, industrialcloudWalk(ic)), nil
}

// alibabaCredential builds the credential from the environment variables
// when they are set, and otherwise leaves it to credentials-go's default
// chain (profile files, OIDC, a named ECS RAM role). The chain would ask the
// ECS metadata service for a role name when none is given; the quickstart
// never lets it unless a role is named.
func alibabaCredential(getenv func(string) string) (credentials.Credential, error) {
	id, secret, token := getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"), getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), getenv("ALIBABA_CLOUD_SECURITY_TOKEN")
	if id != "" && secret != "" {
		c := new(credentials.Config).SetType("access_key").SetAccessKeyId(id).SetAccessKeySecret(secret)
		if token != "" {
			c.SetType("sts").SetSecurityToken(token)
		}
		return credentials.NewCredential(c)
	}
	if getenv("ALIBABA_CLOUD_ECS_METADATA") == "" {
		if err := os.Setenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"); err != nil {
			return nil, err
		}
	}
	return nil, nil // the default chain
}

// demoName is unique per run, so a demo instance left by an interrupted run
// does not collide with the next.
func demoName() string {
	var b [4]byte
	rand.Read(b[:])
	return fmt.Sprintf("typedcloud-quickstart-%s", hex.EncodeToString(b[:]))
}
