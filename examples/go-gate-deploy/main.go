// Gate, then deploy: `pulumi up` waits until every training job of a batch has finished, and only
// then creates the deployment of their model assets. The Go twin of examples/gate-deploy: a
// failed, stopped or rejected job (or a batch that does not finish in time) fails the invoke, so
// nothing is deployed from a broken batch. The RandomId stands in for the real deployment.
package main

import (
	"strings"

	"github.com/pulumi-metastudio/pulumi-metastudio/sdk/go/metastudio"
	"github.com/pulumi/pulumi-random/sdk/v4/go/random"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		// One stack per training batch is the natural layout, so the stack name is the default batch.
		batch := cfg.Get("batchName")
		if batch == "" {
			batch = ctx.Stack()
		}
		timeout := cfg.GetInt("timeoutSeconds")
		if timeout == 0 {
			timeout = 600
		}
		poll := cfg.GetInt("pollIntervalSeconds")
		if poll == 0 {
			poll = 30
		}

		gate := metastudio.WaitForTrainingJobsOutput(ctx, metastudio.WaitForTrainingJobsOutputArgs{
			BatchName:           pulumi.String(batch),
			TargetStates:        pulumi.StringArray{pulumi.String("JOB_FINISH")},
			TimeoutSeconds:      pulumi.Int(timeout),
			PollIntervalSeconds: pulumi.Int(poll),
		})

		// Its input comes from the gate's output: that is what orders it after the gate.
		deployment, err := random.NewRandomId(ctx, "asset-deployment", &random.RandomIdArgs{
			ByteLength: pulumi.Int(8),
			Keepers: pulumi.StringMap{
				"assetIds": gate.AssetIds().ApplyT(func(ids []string) string { return strings.Join(ids, ",") }).(pulumi.StringOutput),
			},
		})
		if err != nil {
			return err
		}

		ctx.Export("gateReady", gate.Ready())
		ctx.Export("jobsGated", gate.JobIds().ApplyT(func(ids []string) int { return len(ids) }).(pulumi.IntOutput))
		ctx.Export("deployedAssetIds", gate.AssetIds())
		ctx.Export("deploymentId", deployment.Hex)
		return nil
	})
}
