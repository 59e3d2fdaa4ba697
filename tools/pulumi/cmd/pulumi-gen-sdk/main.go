// Command pulumi-gen-sdk generates a Pulumi package SDK from a schema with the code generators of
// github.com/pulumi/pulumi/pkg/v3 (the version this module requires, that of the CLI): the same
// library calls the v3.276 language hosts make in their GeneratePackage, which the hosts built here
// (from older sdk/v3 modules, see docs/tools.md) do not implement. It stands in for
//
//	pulumi package gen-sdk <schema.json> --language <lang> --out <outdir> [--version V] [--local] [--overlays D]
//
// and lays out its output the same way: <outdir>/<lang> is removed, then written.
//
// Usage: pulumi-gen-sdk [-version V] [-local] [-overlays DIR] <schema.json> <nodejs|python|go> <outdir>
//
// Differences from the CLI: the schema must be a JSON file (not a plugin, YAML or registry source,
// no parameterization), and references to other packages' schemas are refused (nothing is loaded
// from plugins).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	"github.com/hashicorp/hcl/v2"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	nodejsgen "github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	pythongen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// noReferences is the schema loader: this tool generates self-contained packages only.
type noReferences struct{}

func (noReferences) err(name string) error {
	return fmt.Errorf("the schema refers to package %q: pulumi-gen-sdk does not load other packages' schemas", name)
}

func (l noReferences) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, l.err(pkg)
}

func (l noReferences) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, l.err(d.Name)
}

func (l noReferences) LoadPackageReference(pkg string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, l.err(pkg)
}

func (l noReferences) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, l.err(d.Name)
}

// bind binds a spec as the CLI and the language hosts do (dangling references allowed), printing
// warnings and failing on errors.
func bind(spec schema.PackageSpec, loader schema.ReferenceLoader) (*schema.Package, error) {
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{AllowDanglingReferences: true})
	if err != nil {
		return nil, err
	}
	printDiags(diags)
	if diags.HasErrors() {
		return nil, fmt.Errorf("the schema has errors: %w", errors.Join(diags.Errs()...))
	}
	return pkg, nil
}

func printDiags(diags hcl.Diagnostics) {
	for _, d := range diags {
		fmt.Fprintln(os.Stderr, d.Error())
	}
}

func run() error {
	version := flag.String("version", "", "the provider plugin version to generate the SDK for (overrides the schema's)")
	local := flag.Bool("local", false, "generate an SDK appropriate for local usage (as gen-sdk --local)")
	overlays := flag.String("overlays", "", "a folder of extra files to copy into the SDK (<dir>/<language>/...)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr,
			"usage: pulumi-gen-sdk [-version V] [-local] [-overlays DIR] <schema.json> <nodejs|python|go> <outdir>")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 3 {
		flag.Usage()
		os.Exit(2)
	}
	schemaPath, language, out := flag.Arg(0), flag.Arg(1), flag.Arg(2)
	switch language {
	case "nodejs", "python", "go":
	default:
		return fmt.Errorf("unsupported language %q (nodejs, python, go)", language)
	}

	data, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		return fmt.Errorf("reading %s: %w", schemaPath, err)
	}
	loader := schema.NewCachedLoader(noReferences{})

	// As the CLI: bind, apply --version, serialize the bound package and hand that to the generator
	// (the language host binds it again).
	pkg, err := bind(spec, loader)
	if err != nil {
		return err
	}
	if *version != "" {
		v, err := semver.ParseTolerant(*version)
		if err != nil {
			return fmt.Errorf("invalid -version %q: %w", *version, err)
		}
		pkg.Version = &v
	}
	bound, err := pkg.MarshalJSON()
	if err != nil {
		return err
	}
	var spec2 schema.PackageSpec
	if err := json.Unmarshal(bound, &spec2); err != nil {
		return err
	}
	if pkg, err = bind(spec2, loader); err != nil {
		return err
	}

	extraFiles := map[string][]byte{}
	if *overlays != "" {
		fsys := os.DirFS(filepath.Join(*overlays, language))
		err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, path)
			extraFiles[path] = b
			return err
		})
		if err != nil {
			return fmt.Errorf("reading overlays %q: %w", *overlays, err)
		}
	}

	// The calls of the v3.276 language hosts' GeneratePackage.
	var files map[string][]byte
	switch language {
	case "nodejs":
		files, err = nodejsgen.GeneratePackage("pulumi-language-nodejs", pkg, extraFiles, nil, *local, loader)
	case "python":
		files, err = pythongen.GeneratePackage("pulumi-language-python", pkg, extraFiles, loader)
	case "go":
		if len(extraFiles) > 0 {
			return errors.New("overlays are not supported for Go")
		}
		files, err = gogen.GeneratePackage("pulumi-language-go", pkg, nil)
	}
	if err != nil {
		return err
	}

	dir := filepath.Join(out, language)
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "pulumi-gen-sdk: wrote %d files for %s %s to %s\n", len(files), pkg.Name, language, dir)
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "pulumi-gen-sdk: error:", err)
		os.Exit(1)
	}
}
