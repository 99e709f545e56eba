package org.haqqim.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * {@code /stats chart}: a desk's figures as bars, for staff who would rather look than
 * read. Drawn here, in memory, with the JDK's own imaging (headless); labels in the staff
 * language, as the text version has them.
 */
final class StatsChart {

	private static final int WIDTH = 900;

	private static final int ROW = 30;

	private static final int LABEL_WIDTH = 330;

	private static final int MARGIN = 24;

	private static final int MOST_ROWS_PER_SECTION = 8;

	private static final Color[] SECTION_COLOURS = { new Color(0x2E, 0x6F, 0xB7), new Color(0x2E, 0x8B, 0x57),
			new Color(0xB8, 0x6B, 0x1E), new Color(0x7A, 0x4E, 0xA3) };

	private StatsChart() {
	}

	/** A titled section of bars: label and count, largest first. */
	record Section(String title, Map<String, Long> bars) {
	}

	static byte[] draw(String title, List<Section> sections, String footer) {
		System.setProperty("java.awt.headless", "true");
		int rows = 0;
		for (Section section : sections) {
			rows += 1 + Math.max(1, Math.min(MOST_ROWS_PER_SECTION, section.bars().size()));
		}
		int height = MARGIN * 2 + ROW * 2 + rows * ROW + ROW;
		BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, height);
			int y = MARGIN + ROW;
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
			g.drawString(title, MARGIN, y);
			y += ROW;
			for (int i = 0; i < sections.size(); i++) {
				y = drawSection(g, sections.get(i), SECTION_COLOURS[i % SECTION_COLOURS.length], y);
			}
			g.setColor(Color.DARK_GRAY);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
			g.drawString(footer, MARGIN, y + ROW / 2);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The stats chart could not be encoded", ex);
		}
		return png.toByteArray();
	}

	private static int drawSection(Graphics2D g, Section section, Color colour, int top) {
		int y = top + ROW;
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
		g.drawString(section.title(), MARGIN, y);
		List<Map.Entry<String, Long>> bars = new ArrayList<>(section.bars().entrySet());
		if (bars.isEmpty()) {
			bars = List.of(Map.entry("-", 0L));
		}
		bars = bars.subList(0, Math.min(MOST_ROWS_PER_SECTION, bars.size()));
		long most = Math.max(1, bars.stream().mapToLong(Map.Entry::getValue).max().orElse(1));
		int room = WIDTH - MARGIN * 2 - LABEL_WIDTH - 60;
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
		for (Map.Entry<String, Long> bar : bars) {
			y += ROW;
			g.setColor(Color.BLACK);
			g.drawString(fit(g, bar.getKey()), MARGIN, y);
			int length = (int) Math.round(room * (double) bar.getValue() / most);
			g.setColor(colour);
			g.fillRect(MARGIN + LABEL_WIDTH, y - ROW + 10, Math.max(length, 2), ROW - 12);
			g.setColor(Color.BLACK);
			g.drawString(Long.toString(bar.getValue()), MARGIN + LABEL_WIDTH + Math.max(length, 2) + 8, y);
		}
		return y;
	}

	/** A label cut to its column, so that no bar is pushed out of the picture. */
	private static String fit(Graphics2D g, String label) {
		String fitted = label;
		while (fitted.length() > 1 && g.getFontMetrics().stringWidth(fitted) > LABEL_WIDTH - 12) {
			fitted = fitted.substring(0, fitted.length() - 1);
		}
		return fitted.equals(label) ? label : fitted.strip() + "…";
	}

}
