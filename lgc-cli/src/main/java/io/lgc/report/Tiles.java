package io.lgc.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Lays equally sized pictures out in a grid, so small multiples travel as one PNG. */
final class Tiles {
    private Tiles() {
    }

    static BufferedImage grid(List<BufferedImage> tiles, int columns, int gap, Color background) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("no tiles");
        }
        int w = tiles.get(0).getWidth();
        int h = tiles.get(0).getHeight();
        int rows = (tiles.size() + columns - 1) / columns;
        BufferedImage out = new BufferedImage(columns * w + (columns - 1) * gap, rows * h + (rows - 1) * gap,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(background);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            for (int i = 0; i < tiles.size(); i++) {
                g.drawImage(tiles.get(i), (i % columns) * (w + gap), (i / columns) * (h + gap), null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
