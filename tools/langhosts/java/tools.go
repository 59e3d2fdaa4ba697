//go:build tools

// Package tools pins the program this module builds, so that `go mod tidy` keeps its requirements.
package tools

import _ "github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java"
