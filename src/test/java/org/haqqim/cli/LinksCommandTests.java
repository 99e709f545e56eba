package org.haqqim.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./haqqim links}: a link for every topic and language, and QR codes that a
 * phone's camera reads back as the same link.
 */
class LinksCommandTests {

	@TempDir
	Path directory;

	@Test
	void everyTopicAndLanguageHasALinkAndAQrCodeThatReadsBackAsIt() throws Exception {
		Path codes = this.directory.resolve("flyers");
		CommandLineRun.Result result = CommandLineRun.run(Map.of("KNOWLEDGE_DIR", "knowledge"), "", "links",
				"@haqqim_bot", "--qr", codes.toString());
		assertThat(result.exit()).as(result.err()).isZero();
		KnowledgeBase knowledge = new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge"))
			.knowledge()
			.orElseThrow();
		List<String> links = result.outLines();
		assertThat(links).hasSize(knowledge.topics().size() * knowledge.languages().size())
			.contains("https://t.me/haqqim_bot?start=patent-uz", "https://t.me/haqqim_bot?start=detention-uz-Cyrl");
		assertThat(read(codes.resolve("passport-withheld-ky.png")))
			.isEqualTo("https://t.me/haqqim_bot?start=passport-withheld-ky");
	}

	@Test
	void aNameThatCannotBeABotsIsRefused() {
		CommandLineRun.Result result = CommandLineRun.run(Map.of("KNOWLEDGE_DIR", "knowledge"), "", "links", "t.me/x");
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).contains("is not a bot's username");
	}

	private static String read(Path png) throws IOException, ReaderException {
		BufferedImage image = ImageIO.read(png.toFile());
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
		assertThat(Files.size(png)).isPositive();
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
	}

}
