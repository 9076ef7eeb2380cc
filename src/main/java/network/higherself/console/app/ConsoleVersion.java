package network.higherself.console.app;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The console's version, as the pom names it: Maven's resource filtering writes it into {@code version.properties}
 * beside this class, so the jar, {@code javafx:run} and the tests all read the same. The About box and
 * {@code --version} show it.
 */
public final class ConsoleVersion implements CommandLine.IVersionProvider {

    public static String version() {
        try (InputStream in = ConsoleVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing beside " + ConsoleVersion.class.getName());
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[]{"Higher Self Console " + version()};
    }
}
