package dev.backupdoctor.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs {@link DiagnoseBenchmark} in every mode the performance table needs and prints the table:
 * median and mean ns/op and B/op on one thread, ops/s on one and on two threads, each beside its
 * ratio to the hand-written floor.
 */
public final class BenchmarkReport {

    private static final String[] PLANNERS = {"backupDoctor", "easyRules", "floor"};
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws RunnerException {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (String planner : PLANNERS) {
            rows.put(planner, new double[5]);
        }
        // Columns: median ns/op, mean ns/op, B/op, ops/s 1 thread, ops/s 2 threads.
        for (RunResult run : run(options(Mode.SampleTime, 1))) {
            rows.get(name(run))[0] = run.getPrimaryResult().getStatistics().getPercentile(50);
        }
        for (RunResult run : run(options(Mode.AverageTime, 1).addProfiler(GCProfiler.class))) {
            rows.get(name(run))[1] = run.getPrimaryResult().getScore();
            Result allocation = run.getSecondaryResults().get(ALLOCATION);
            rows.get(name(run))[2] = allocation == null ? Double.NaN : allocation.getScore();
        }
        for (RunResult run : run(options(Mode.Throughput, 1))) {
            rows.get(name(run))[3] = run.getPrimaryResult().getScore();
        }
        for (RunResult run : run(options(Mode.Throughput, 2))) {
            rows.get(name(run))[4] = run.getPrimaryResult().getScore();
        }
        print(rows);
    }

    private static ChainedOptionsBuilder options(Mode mode, int threads) {
        return new OptionsBuilder()
                .include(DiagnoseBenchmark.class.getName() + "\\.")
                .mode(mode)
                .timeUnit(mode == Mode.Throughput ? TimeUnit.SECONDS : TimeUnit.NANOSECONDS)
                .threads(threads)
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    private static String name(RunResult run) {
        String method = run.getParams().getBenchmark();
        return method.substring(method.lastIndexOf('.') + 1);
    }

    private static void print(Map<String, double[]> rows) {
        double[] floor = rows.get("floor");
        List<String> lines = new ArrayList<>();
        lines.add("| planner | median ns/op (1 thread) | mean ns/op | B/op | ops/s, 1 thread | ops/s, 2 threads |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, double[]> row : rows.entrySet()) {
            double[] v = row.getValue();
            lines.add(String.format(Locale.ROOT, "| %s | %,.0f (%s) | %,.0f (%s) | %,.0f (%s) | %,.0f (%s) | %,.0f (%s) |",
                    row.getKey(),
                    v[0], times(v[0], floor[0]),
                    v[1], times(v[1], floor[1]),
                    v[2], times(v[2], floor[2]),
                    v[3], slower(v[3], floor[3]),
                    v[4], slower(v[4], floor[4])));
        }
        System.out.println();
        System.out.println("In brackets: times the hand-written floor's cost, or times fewer operations per second than the floor.");
        lines.forEach(System.out::println);
    }

    private static String times(double value, double floor) {
        return String.format(Locale.ROOT, "%.1f×", value / floor);
    }

    private static String slower(double opsPerSecond, double floorOpsPerSecond) {
        return String.format(Locale.ROOT, "%.1f×", floorOpsPerSecond / opsPerSecond);
    }
}
