// A PNG of panels in a grid under a title and a shared colour legend, drawn with Java2D (headless).
package dev.reason2decide.experiment.chart;

import dev.reason2decide.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Lays out panels {@code columns} wide, each {@code panelWidth} × {@code panelHeight} pixels. */
public record ChartImage(String title, List<Key> legend, List<Panel> panels, int columns, int panelWidth,
    int panelHeight) {

  /** A legend entry. */
  public record Key(String name, Color color, boolean dashed) {}

  /** Colours for up to ten series (Tableau 10), repeated beyond. */
  public static final List<Color> PALETTE = List.of(new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
      new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
      new Color(0x9C755F), new Color(0xBAB0AC));

  public static Color color(int i) {
    return PALETTE.get(i % PALETTE.size());
  }

  /** Renders the image. */
  public BufferedImage render() {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException(title + ": no panels to draw");
    }
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // charts are files; never open a display
    }
    int cols = Math.min(columns, panels.size());
    int rows = (panels.size() + cols - 1) / cols;
    int head = legend.isEmpty() ? 34 : 58;
    int width = Math.max(cols * panelWidth, textWidth() + 24);
    BufferedImage img = new BufferedImage(width, head + rows * panelHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.setColor(Axes.INK);
      g.setFont(Axes.TITLE.deriveFont(15f));
      g.drawString(title, 12, 22);
      if (!legend.isEmpty()) {
        legend(g, legend, 12, 32, false);
      }
      for (int i = 0; i < panels.size(); i++) {
        Rectangle area = new Rectangle((i % cols) * panelWidth, head + (i / cols) * panelHeight, panelWidth,
            panelHeight);
        Graphics2D pg = (Graphics2D) g.create();
        panels.get(i).draw(pg, area);
        pg.dispose();
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Width of the title or the legend row, whichever is wider. */
  private int textWidth() {
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = probe.createGraphics();
    try {
      int w = g.getFontMetrics(Axes.TITLE.deriveFont(15f)).stringWidth(title);
      FontMetrics fm = g.getFontMetrics(Axes.LABEL);
      int row = 6;
      for (Key k : legend) {
        row += 26 + fm.stringWidth(k.name()) + 18;
      }
      return Math.max(w, row);
    } finally {
      g.dispose();
    }
  }

  /** Renders and writes the PNG atomically. */
  public void write(Path file) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(render(), "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    AtomicFiles.writeBytes(file, bytes.toByteArray());
  }

  /** Draws legend keys in a row (or a column, on a white box, when {@code boxed}) from (x, y). */
  static void legend(Graphics2D g, List<Key> keys, int x, int y, boolean boxed) {
    g.setFont(Axes.LABEL);
    FontMetrics fm = g.getFontMetrics();
    int line = fm.getHeight() + 2;
    if (boxed) {
      int w = 0;
      for (Key k : keys) {
        w = Math.max(w, fm.stringWidth(k.name()));
      }
      g.setColor(new Color(255, 255, 255, 220));
      g.fillRect(x, y, w + 36, keys.size() * line + 6);
      g.setColor(Axes.GRID);
      g.drawRect(x, y, w + 36, keys.size() * line + 6);
    }
    int cx = x + 6;
    int cy = y + 4;
    for (Key k : keys) {
      int mid = cy + line / 2;
      g.setColor(k.color());
      g.setStroke(k.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
          new float[] {5f, 3f}, 0f) : new BasicStroke(3f));
      g.drawLine(cx, mid, cx + 20, mid);
      g.setColor(Axes.INK);
      g.drawString(k.name(), cx + 26, mid + fm.getAscent() / 2 - 1);
      if (boxed) {
        cy += line;
      } else {
        cx += 26 + fm.stringWidth(k.name()) + 18;
      }
    }
  }
}
