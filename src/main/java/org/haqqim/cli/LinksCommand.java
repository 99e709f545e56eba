package org.haqqim.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Language;
import org.haqqim.knowledge.Topic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./haqqim links BOT}: for every topic and language, the link that opens its
 * answer ({@code https://t.me/BOT?start=TOPIC-LANG}), and with {@code --qr DIR} a QR code
 * of each as a PNG to print on a flyer.
 */
@Command(name = "links",
		description = { "Lists the links that open each topic's answer, for flyers and posters.",
				"BOT is the bot's username (without @). With --qr DIR, also writes a QR code of each link",
				"to DIR as TOPIC-LANG.png, large enough to print." })
final class LinksCommand implements Callable<Integer> {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,31}");

	/** Pixels per module of the code: about 3.5 cm across at 300 dpi for a short link. */
	private static final int MODULE_PIXELS = 12;

	/** The quiet zone around a code that scanners need, in modules. */
	private static final int QUIET_ZONE = 4;

	private final Settings settings;

	private final Clock clock;

	private final PrintStream out;

	private final PrintStream err;

	@Parameters(index = "0", paramLabel = "BOT", description = "the bot's username, such as haqqim_bot")
	private String bot;

	@Option(names = "--qr", paramLabel = "DIR", description = "also write a QR code of each link to DIR")
	private Path qrDirectory;

	LinksCommand(Settings settings, Clock clock, PrintStream out, PrintStream err) {
		this.settings = settings;
		this.clock = clock;
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() throws IOException {
		String username = this.bot.startsWith("@") ? this.bot.substring(1) : this.bot;
		if (!USERNAME.matcher(username).matches()) {
			this.err.println("haqqim: '" + this.bot + "' is not a bot's username: 5 to 32 letters, digits or '_', "
					+ "such as haqqim_bot");
			return 2;
		}
		Optional<KnowledgeBase> knowledge = LoadedKnowledge.load(this.settings, this.clock, this.err);
		if (knowledge.isEmpty()) {
			return 1;
		}
		if (this.qrDirectory != null) {
			Files.createDirectories(this.qrDirectory);
		}
		for (Topic topic : knowledge.get().topics()) {
			for (Language language : knowledge.get().languages()) {
				String start = topic.id() + "-" + language.code();
				String link = "https://t.me/" + username + "?start=" + start;
				this.out.println(link);
				if (this.qrDirectory != null) {
					writeQr(link, this.qrDirectory.resolve(start + ".png"));
				}
			}
		}
		return 0;
	}

	/**
	 * A QR code with a medium error correction, black on white, with its quiet zone: it
	 * survives a crease or a smudge on a printed flyer.
	 */
	private static void writeQr(String link, Path file) throws IOException {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
		}
		catch (WriterException ex) {
			throw new IOException("The link " + link + " cannot be made a QR code: " + ex.getMessage(), ex);
		}
		int modules = matrix.getWidth();
		int size = (modules + 2 * QUIET_ZONE) * MODULE_PIXELS;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				int moduleX = x / MODULE_PIXELS - QUIET_ZONE;
				int moduleY = y / MODULE_PIXELS - QUIET_ZONE;
				boolean dark = moduleX >= 0 && moduleY >= 0 && moduleX < modules && moduleY < modules
						&& matrix.get(moduleX, moduleY);
				image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
			}
		}
		ImageIO.write(image, "png", file.toFile());
	}

}
