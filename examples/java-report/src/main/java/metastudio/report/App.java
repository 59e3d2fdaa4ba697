package metastudio.report;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.core.TypeShape;
import com.pulumimetastudio.metastudio.MetastudioFunctions;
import com.pulumimetastudio.metastudio.inputs.GetTrainingJobsArgs;
import com.pulumimetastudio.metastudio.outputs.GetTrainingJobsResult;
import com.pulumimetastudio.metastudio.outputs.TrainingJob;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A read-only report of MetaStudio training jobs: how many there are in each state, which ones need
 * a person, and which model assets are ready to deploy. It creates no resources, so `pulumi up` only
 * refreshes the stack outputs. The same program as examples/report, in Java.
 */
public class App {
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /** States from which a job cannot finish without someone acting (the service spells one "MANUL_"). */
    static boolean needsAttention(String state) {
        return state.endsWith("_FAILED")
            || state.startsWith("MANUAL_STOP_")
            || state.startsWith("MANUL_STOP_")
            || state.equals("JOB_REJECT");
    }

    static void stack(Context ctx) {
        var config = ctx.config();
        var filter = GetTrainingJobsArgs.builder();
        config.get("batchName").ifPresent(filter::batchName);
        // `pulumi config set --path 'states[0]' TRAINING` or `pulumi config set states '["TRAINING"]'`.
        config.getObject("states", TypeShape.<List<String>>builder(List.class).addParameter(String.class).build())
            .ifPresent(filter::states);

        Output<GetTrainingJobsResult> listing = MetastudioFunctions.getTrainingJobs(filter.build());

        // The service's total for the filter; the provider pages through all of them (no `limit` is set).
        ctx.export("totalJobs", listing.applyValue(GetTrainingJobsResult::count));

        // Sorted so the output does not show a diff only because the service reordered jobs.
        ctx.export("jobsPerState", listing.applyValue(r -> {
            var counts = new TreeMap<String, Integer>();
            for (TrainingJob job : r.jobs()) counts.merge(job.state(), 1, Integer::sum);
            return counts;
        }));

        ctx.export("failedJobs", listing.applyValue(r -> {
            var failed = new ArrayList<Map<String, String>>();
            for (TrainingJob job : r.jobs()) {
                if (!needsAttention(job.state())) continue;
                var item = new LinkedHashMap<String, String>();
                item.put("jobId", job.jobId());
                item.put("name", job.name());
                item.put("state", job.state());
                failed.add(item);
            }
            return failed;
        }));

        ctx.export("assetsReadyToDeploy", listing.applyValue(r -> {
            var ready = new ArrayList<Map<String, String>>();
            for (TrainingJob job : r.jobs()) {
                if (!job.state().equals("JOB_FINISH") || job.assetId().filter(a -> !a.isEmpty()).isEmpty()) continue;
                var item = new LinkedHashMap<String, String>();
                item.put("jobId", job.jobId());
                item.put("name", job.name());
                item.put("assetId", job.assetId().get());
                ready.add(item);
            }
            return ready;
        }));
    }
}
