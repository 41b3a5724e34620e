package main

import (
	"errors"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// config is what the flags say.
type config struct {
	region    string
	endpoints map[string]string // product → endpoint override
	fake      bool
	write     bool
	cccAdmin  string        // the RAM user ID to administer the demo Contact Center instance
	poll      time.Duration // the wait between reads of a demo Contact Center instance
	verbose   bool
	logOut    io.Writer
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := config{endpoints: map[string]string{}, logOut: stderr}
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.region, "region", "cn-shanghai", "Alibaba Cloud region of Outbound Bot and Contact Center")
	for _, p := range []string{"outboundbot", "ccc", "industrialcloud"} {
		fs.Func("endpoint-"+p, "endpoint (host or URL) overriding "+p+"'s default", func(s string) error {
			cfg.endpoints[p] = s
			return nil
		})
	}
	fs.BoolVar(&cfg.fake, "fake", false, "run against the embedded fakes even when credentials are configured")
	fs.BoolVar(&cfg.write, "write", false, "against the real cloud, also create, modify and delete a demo Outbound Bot instance,\n"+
		"and with -ccc-admin create and delete a demo Contact Center instance")
	fs.StringVar(&cfg.cccAdmin, "ccc-admin", "", "with -write, the RAM user ID to make the demo Contact Center instance's administrator")
	fs.DurationVar(&cfg.poll, "poll", 5*time.Second, "with -write, the wait between reads while the demo Contact Center instance is created or deleted")
	fs.BoolVar(&cfg.verbose, "v", false, "log every attempt (debug level, secrets never logged)")
	fs.Usage = func() {
		io.WriteString(stderr, "usage: go run ./examples/quickstart [flags]\n\n"+
			"Without credentials it runs against in-process fakes. Configure credentials to run\n"+
			"against the real cloud (read-only unless -write):\n"+
			"  Alibaba Cloud: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET\n"+
			"    (+ ALIBABA_CLOUD_SECURITY_TOKEN for STS), a credentials profile file, OIDC,\n"+
			"    or an ECS RAM role named in ALIBABA_CLOUD_ECS_METADATA\n"+
			"  industrial cloud: INDUSTRIALCLOUD_DOMAIN and INDUSTRIALCLOUD_TOKEN\n"+
			"    (+ INDUSTRIALCLOUD_SECRET_ID and INDUSTRIALCLOUD_SECRET_KEY to sign)\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return cfg, errors.New("unexpected arguments")
	}
	return cfg, nil
}

// logger returns the debug logger of -v, or nil.
func (c config) logger() *slog.Logger {
	if !c.verbose {
		return nil
	}
	return slog.New(slog.NewTextHandler(c.logOut, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// environment is what is configured, decided without any network call.
type environment struct {
	alibaba         string // how Alibaba credentials are configured; "" for not at all
	industrialcloud bool
}

func (e environment) anyConfigured() bool { return e.alibaba != "" || e.industrialcloud }

func (e environment) describe() string {
	var parts []string
	if e.alibaba != "" {
		parts = append(parts, "Alibaba Cloud credentials from "+e.alibaba)
	}
	if e.industrialcloud {
		parts = append(parts, "industrial cloud from INDUSTRIALCLOUD_*")
	}
	return strings.Join(parts, "; ")
}

// detect reads the environment the way credentials-go's default chain would
// find credentials, without running the chain (which may call the network).
func detect(getenv func(string) string) environment {
	var e environment
	home := getenv("HOME")
	switch {
	case getenv("ALIBABA_CLOUD_ACCESS_KEY_ID") != "" && getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET") != "":
		e.alibaba = "environment variables"
	case getenv("ALIBABA_CLOUD_ROLE_ARN") != "" && getenv("ALIBABA_CLOUD_OIDC_PROVIDER_ARN") != "" &&
		(getenv("ALIBABA_CLOUD_OIDC_TOKEN_FILE") != "" || getenv("ALIBABA_CLOUD_OIDC_TOKEN") != ""):
		e.alibaba = "OIDC"
	case exists(firstNonEmpty(getenv("ALIBABA_CLOUD_CONFIG_FILE"), join(home, ".aliyun", "config.json"))):
		e.alibaba = "the Alibaba Cloud CLI profile"
	case exists(firstNonEmpty(getenv("ALIBABA_CLOUD_CREDENTIALS_FILE"), join(home, ".alibabacloud", "credentials"))):
		e.alibaba = "the credentials profile file"
	case getenv("ALIBABA_CLOUD_ECS_METADATA") != "":
		e.alibaba = "the ECS RAM role " + getenv("ALIBABA_CLOUD_ECS_METADATA")
	}
	e.industrialcloud = getenv("INDUSTRIALCLOUD_DOMAIN") != "" && getenv("INDUSTRIALCLOUD_TOKEN") != "" ||
		getenv("INDUSTRIALCLOUD_ENDPOINT") != "" && getenv("INDUSTRIALCLOUD_TOKEN") != ""
	return e
}

func join(home string, elem ...string) string {
	if home == "" {
		return ""
	}
	return filepath.Join(append([]string{home}, elem...)...)
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func exists(path string) bool {
	if path == "" {
		return false
	}
	_, err := os.Stat(path)
	return err == nil
}
