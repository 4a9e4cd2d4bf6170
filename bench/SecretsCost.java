import dev.layerlens.core.ImageAnalyzer;
import dev.layerlens.core.analysis.ImageCheck;
import dev.layerlens.core.analysis.secrets.*;
import dev.layerlens.core.layer.ScanOptions;
import dev.layerlens.core.source.*;
import java.io.InputStream;
import java.util.*;

/**
 * The cost of the secrets audit: the whole analysis of IMAGE with and without the secrets check,
 * alternating in one JVM (run 0 warms it and the page cache), median wall and process CPU time.
 *
 * Usage: java -cp cli/target/layerlens.jar bench/SecretsCost.java IMAGE verify|noverify RUNS
 */
public class SecretsCost {
    public static void main(String[] a) throws Exception {
        String image = a[0];
        boolean verify = !a[1].equals("noverify");
        int runs = Integer.parseInt(a[2]);
        ScanOptions scan = new ScanOptions(verify, false, Runtime.getRuntime().availableProcessors());
        List<Long> without = new ArrayList<>(), with = new ArrayList<>(), withoutCpu = new ArrayList<>(), withCpu = new ArrayList<>();
        SecretsCheck[] last = new SecretsCheck[1];
        for (int r = 0; r < runs + 1; r++) {
            for (boolean secrets : new boolean[] {false, true}) {
                long t0 = System.nanoTime();
                long c0 = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
                ImageAnalyzer analyzer = new ImageAnalyzer(new SourceResolver(InputStream.nullInputStream()), scan, () -> {
                    if (!secrets) {
                        return List.<ImageCheck>of();
                    }
                    last[0] = new SecretsCheck(SecretScanOptions.defaults(), Disclosure.REDACT);
                    return List.of(last[0]);
                });
                ImageAnalyzer.Result res = analyzer.analyze(image, SourceOptions.DEFAULT, ImageAnalyzer.ProgressFactory.NONE);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long cpu = (((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() - c0) / 1_000_000;
                if (r > 0) { // run 0 warms the JVM and the page cache
                    (secrets ? with : without).add(ms);
                    (secrets ? withCpu : withoutCpu).add(cpu);
                }
                System.out.printf("run %d secrets=%s wall %d ms cpu %d ms findings=%d%n", r, secrets, ms, cpu, res.report().findings().size());
            }
        }
        Collections.sort(without); Collections.sort(with); Collections.sort(withoutCpu); Collections.sort(withCpu);
        System.out.printf("cpu: median without %d ms, with %d ms, ratio %.2f%n", withoutCpu.get(withoutCpu.size() / 2),
                withCpu.get(withCpu.size() / 2), (double) withCpu.get(withCpu.size() / 2) / withoutCpu.get(withoutCpu.size() / 2));
        long w0 = without.get(without.size() / 2), w1 = with.get(with.size() / 2);
        SecretScanStats s = last[0].stats();
        System.out.printf("wall: median without %d ms, with %d ms, ratio %.2f; content read %d files, %d MB, %d binary, %d truncated%n",
                w0, w1, (double) w1 / w0, s.files(), s.bytes() >> 20, s.binaryFiles(), s.truncatedFiles());
    }
}
