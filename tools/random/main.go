// Command pulumi-resource-random is a STAND-IN for the plugin of the random provider (npm
// @pulumi/random, PyPI pulumi-random, Go github.com/pulumi/pulumi-random/sdk/v4, all 4.21.2), for
// tests that cannot get the real one (docs/tools.md says why). It reports version 4.21.2 so that
// those SDKs' programs find it, and implements one resource, random:index/randomId:RandomId, as the
// real provider does (inputs byteLength, keepers, prefix, every change replaces; outputs hex, b64Std,
// b64Url, dec and id). Any other random resource fails with an error that says so.
package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/big"
	"os"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const (
	version    = "4.21.2"
	randomID   = "random:index/randomId:RandomId"
	standInMsg = "pulumi-resource-random here is a stand-in that implements only " + randomID
)

// inputKeys are RandomId's inputs; each forces a replacement, as in the real provider.
var inputKeys = []resource.PropertyKey{"byteLength", "keepers", "prefix"}

// schema is the part of @pulumi/random's schema this stand-in implements.
const schema = `{
  "name": "random",
  "version": "` + version + `",
  "description": "STAND-IN for the random provider: RandomId only (pulumi-metastudio docs/tools.md)",
  "resources": {
    "` + randomID + `": {
      "description": "Random bytes, encoded as hex, base64 and decimal.",
      "properties": {
        "b64Std": {"type": "string"}, "b64Url": {"type": "string"},
        "byteLength": {"type": "integer"}, "dec": {"type": "string"}, "hex": {"type": "string"},
        "keepers": {"type": "object", "additionalProperties": {"$ref": "pulumi.json#/Any"}},
        "prefix": {"type": "string"}
      },
      "required": ["b64Std", "b64Url", "byteLength", "dec", "hex"],
      "inputProperties": {
        "byteLength": {"type": "integer", "willReplaceOnChanges": true},
        "keepers": {"type": "object", "additionalProperties": {"$ref": "pulumi.json#/Any"}, "willReplaceOnChanges": true},
        "prefix": {"type": "string", "willReplaceOnChanges": true}
      },
      "requiredInputs": ["byteLength"]
    }
  }
}`

type randomProvider struct {
	pulumirpc.UnimplementedResourceProviderServer
}

var opts = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, SkipNulls: true}

func unmarshal(s *structpb.Struct) (resource.PropertyMap, error) { return plugin.UnmarshalProperties(s, opts) }
func marshal(m resource.PropertyMap) (*structpb.Struct, error)    { return plugin.MarshalProperties(m, opts) }

func checkType(t string) error {
	if t != randomID {
		return status.Errorf(codes.Unimplemented, "%s: %s is not implemented", standInMsg, t)
	}
	return nil
}

func (p *randomProvider) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

func (p *randomProvider) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	return &pulumirpc.GetSchemaResponse{Schema: schema}, nil
}

func (p *randomProvider) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (p *randomProvider) DiffConfig(context.Context, *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
}

func (p *randomProvider) Configure(context.Context, *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true, AcceptResources: true}, nil
}

func (p *randomProvider) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	if err := checkType(req.GetType()); err != nil {
		return nil, err
	}
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	var failures []*pulumirpc.CheckFailure
	bl, ok := news["byteLength"]
	switch {
	case !ok || bl.IsNull():
		failures = append(failures, &pulumirpc.CheckFailure{Property: "byteLength", Reason: "missing required property 'byteLength'"})
	case bl.IsComputed() || bl.IsOutput():
	case !bl.IsNumber() || bl.NumberValue() < 1 || bl.NumberValue() != float64(int(bl.NumberValue())):
		failures = append(failures, &pulumirpc.CheckFailure{Property: "byteLength", Reason: "byteLength must be an integer >= 1"})
	}
	return &pulumirpc.CheckResponse{Inputs: req.GetNews(), Failures: failures}, nil
}

func (p *randomProvider) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	if err := checkType(req.GetType()); err != nil {
		return nil, err
	}
	olds, err := unmarshal(req.GetOlds())
	if err != nil {
		return nil, err
	}
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	var replaces []string
	for _, k := range inputKeys {
		o, n := olds[k], news[k]
		if n.IsComputed() || !o.DeepEquals(n) {
			replaces = append(replaces, string(k))
		}
	}
	if len(replaces) == 0 {
		return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
	}
	return &pulumirpc.DiffResponse{
		Changes: pulumirpc.DiffResponse_DIFF_SOME, Replaces: replaces, Diffs: replaces,
	}, nil
}

func (p *randomProvider) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	if err := checkType(req.GetType()); err != nil {
		return nil, err
	}
	ins, err := unmarshal(req.GetProperties())
	if err != nil {
		return nil, err
	}
	outs := resource.PropertyMap{}
	for _, k := range inputKeys {
		if v, ok := ins[k]; ok {
			outs[k] = v
		}
	}
	computed := []resource.PropertyKey{"hex", "b64Std", "b64Url", "dec"}
	bl := ins["byteLength"]
	if req.GetPreview() || bl.ContainsUnknowns() || ins["prefix"].ContainsUnknowns() {
		for _, k := range computed {
			outs[k] = resource.MakeComputed(resource.NewProperty(""))
		}
		s, err := marshal(outs)
		return &pulumirpc.CreateResponse{Properties: s}, err
	}
	if !bl.IsNumber() || bl.NumberValue() < 1 {
		return nil, fmt.Errorf("byteLength must be an integer >= 1")
	}
	b := make([]byte, int(bl.NumberValue()))
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	prefix := ""
	if v := ins["prefix"]; v.IsString() {
		prefix = v.StringValue()
	}
	id := base64.RawURLEncoding.EncodeToString(b)
	outs["b64Url"] = resource.NewProperty(prefix + id)
	outs["b64Std"] = resource.NewProperty(prefix + base64.StdEncoding.EncodeToString(b))
	outs["hex"] = resource.NewProperty(prefix + hex.EncodeToString(b))
	outs["dec"] = resource.NewProperty(prefix + new(big.Int).SetBytes(b).String())
	s, err := marshal(outs)
	return &pulumirpc.CreateResponse{Id: id, Properties: s}, err
}

func (p *randomProvider) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	if err := checkType(req.GetType()); err != nil {
		return nil, err
	}
	// Nothing lives outside the state: what the engine has is what exists.
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: req.GetProperties(), Inputs: req.GetInputs()}, nil
}

func (p *randomProvider) Update(_ context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	// Every input change replaces (Diff), so an update only ever carries unchanged inputs.
	if err := checkType(req.GetType()); err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: req.GetOlds()}, nil
}

func (p *randomProvider) Delete(_ context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, checkType(req.GetType())
}

func (p *randomProvider) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func main() {
	err := provider.Main("random", func(*provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return &randomProvider{}, nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
