package network.higherself.console.tools;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Draws the console's application icon: a board of three columns on the console's accent blue, the middle card
 * raised as if being moved. One list of shapes gives both the SVG (assets/icon/console.svg) and the PNGs in the sizes
 * desktops ask for (assets/icon/console-N.png), drawn with Java2D.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:java -Dexec.mainClass=network.higherself.console.tools.AppIcon
 * -Dexec.classpathScope=test} (installer/build.sh uses the files; they are committed).
 */
public final class AppIcon {

    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    /** A rounded rectangle on a 256-unit canvas, filled with one colour. */
    record Shape(double x, double y, double w, double h, double r, String colour) {
    }

    static final List<Shape> SHAPES = List.of(
            new Shape(8, 8, 240, 240, 52, "#0969da"),            // the tile
            new Shape(40, 56, 52, 152, 10, "#ffffff33"),        // three columns
            new Shape(102, 56, 52, 152, 10, "#ffffff33"),
            new Shape(164, 56, 52, 152, 10, "#ffffff33"),
            new Shape(46, 64, 40, 30, 6, "#ffffff"),            // their cards
            new Shape(46, 100, 40, 30, 6, "#ffffffcc"),
            new Shape(170, 64, 40, 30, 6, "#ffffffcc"),
            new Shape(170, 100, 40, 30, 6, "#ffffffcc"),
            new Shape(170, 136, 40, 30, 6, "#ffffffcc"),
            new Shape(112, 84, 48, 36, 7, "#ffd33d"));          // the card on its way, raised

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/icon");
        Files.createDirectories(out);
        Files.writeString(out.resolve("console.svg"), svg());
        for (int size : SIZES) {
            ImageIO.write(png(size), "png", out.resolve("console-" + size + ".png").toFile());
        }
        System.out.println("Icon written to " + out.toAbsolutePath());
    }

    static String svg() {
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">\n");
        for (Shape r : SHAPES) {
            s.append(String.format(Locale.ROOT, "  <rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"%s\" fill=\"%s\"/>%n",
                    num(r.x()), num(r.y()), num(r.w()), num(r.h()), num(r.r()), r.colour()));
        }
        return s.append("</svg>\n").toString();
    }

    static BufferedImage png(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 256.0, size / 256.0);
        for (Shape r : SHAPES) {
            g.setColor(colour(r.colour()));
            g.fill(new RoundRectangle2D.Double(r.x(), r.y(), r.w(), r.h(), r.r() * 2, r.r() * 2));
        }
        g.dispose();
        return image;
    }

    private static Color colour(String hex) {
        long v = Long.parseLong(hex.substring(1), 16);
        return hex.length() == 9 ? new Color((int) (v >> 24), (int) (v >> 16) & 0xff, (int) (v >> 8) & 0xff, (int) v & 0xff)
                : new Color((int) (v >> 16), (int) (v >> 8) & 0xff, (int) v & 0xff);
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
