// A read-only report of MetaStudio training jobs: how many there are in each state, which ones
// need a person, and which model assets are ready to deploy. The Go twin of examples/report.
package main

import (
	"strings"

	"github.com/pulumi-metastudio/pulumi-metastudio/sdk/go/metastudio"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

// needsAttention: states from which a job cannot finish without someone acting (the service
// spells one "MANUL_").
func needsAttention(state string) bool {
	return strings.HasSuffix(state, "_FAILED") ||
		strings.HasPrefix(state, "MANUAL_STOP_") ||
		strings.HasPrefix(state, "MANUL_STOP_") ||
		state == "JOB_REJECT"
}

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		args := metastudio.GetTrainingJobsOutputArgs{}
		if batch, err := cfg.Try("batchName"); err == nil {
			args.BatchName = pulumi.String(batch)
		}
		var states []string
		if err := cfg.TryObject("states", &states); err == nil {
			args.States = pulumi.ToStringArray(states)
		}
		listing := metastudio.GetTrainingJobsOutput(ctx, args)

		// The service's total for the filter; the provider pages through all of them.
		ctx.Export("totalJobs", listing.Count())
		ctx.Export("jobsPerState", listing.Jobs().ApplyT(func(jobs []metastudio.TrainingJob) map[string]int {
			counts := map[string]int{}
			for _, job := range jobs {
				counts[job.State]++
			}
			return counts
		}).(pulumi.IntMapOutput))
		ctx.Export("failedJobs", listing.Jobs().ApplyT(func(jobs []metastudio.TrainingJob) []map[string]string {
			failed := []map[string]string{}
			for _, job := range jobs {
				if needsAttention(job.State) {
					failed = append(failed, map[string]string{"jobId": job.JobId, "name": job.Name, "state": job.State})
				}
			}
			return failed
		}).(pulumi.StringMapArrayOutput))
		ctx.Export("assetsReadyToDeploy", listing.Jobs().ApplyT(func(jobs []metastudio.TrainingJob) []map[string]string {
			ready := []map[string]string{}
			for _, job := range jobs {
				if job.State == "JOB_FINISH" && job.AssetId != nil && *job.AssetId != "" {
					ready = append(ready, map[string]string{"jobId": job.JobId, "name": job.Name, "assetId": *job.AssetId})
				}
			}
			return ready
		}).(pulumi.StringMapArrayOutput))
		return nil
	})
}
