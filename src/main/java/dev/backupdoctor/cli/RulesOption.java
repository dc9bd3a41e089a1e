package dev.backupdoctor.cli;

import dev.backupdoctor.cli.common.Printable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --rules DIR} and {@code --time-limit SECONDS} options every command takes. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR", description = "Also use the rules of every .drl file in DIR and its subfolders (repeatable).")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "10", converter = Seconds.class,
            description = "End the command when one diagnosis takes longer (default: ${DEFAULT-VALUE}): a rule stuck in its own code can't be stopped otherwise.")
    private Duration timeLimit;

    Duration timeLimit() {
        return timeLimit;
    }

    /**
     * A number of seconds within the watchdog's range, read as written: as a decimal, so that
     * {@code 1e400} is not taken for infinity nor {@code 0.0001} rounded to a limit the watchdog can't keep.
     */
    static final class Seconds implements ITypeConverter<Duration> {

        private static final BigDecimal MIN = BigDecimal.valueOf(Watchdog.MIN_LIMIT.toNanos(), 9).stripTrailingZeros();
        private static final BigDecimal MAX = BigDecimal.valueOf(Watchdog.MAX_LIMIT.toSeconds());

        @Override
        public Duration convert(String text) {
            BigDecimal seconds;
            try {
                seconds = new BigDecimal(text.strip());
            } catch (NumberFormatException notANumber) {
                throw outOfRange(text);
            }
            if (seconds.compareTo(MIN) < 0 || seconds.compareTo(MAX) > 0) {
                throw outOfRange(text);
            }
            return Duration.ofNanos(seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
        }

        private static TypeConversionException outOfRange(String text) {
            return new TypeConversionException("must be a number of seconds from " + MIN.toPlainString() + " to "
                    + MAX.toPlainString() + ", was '" + Printable.cut(text) + "'");
        }
    }
}
