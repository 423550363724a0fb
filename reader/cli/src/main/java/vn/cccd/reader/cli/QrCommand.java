package vn.cccd.reader.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.cccd.reader.error.ExitCodes;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.qr.CccdQr;
import vn.cccd.reader.qr.QrException;
import vn.cccd.reader.qr.QrExtra;
import vn.cccd.reader.qr.QrFields;
import vn.cccd.reader.qr.QrImageDecoder;
import vn.cccd.reader.qr.QrWarning;

/**
 * {@code qr IMAGE... [--json]}: the CCCD / Căn cước QR code in each image. Exit 0 when every image gave one; else 2
 * for a file that cannot be read, 6 for a file that is not a usable image, 7 for no QR code or not a CCCD one (the
 * first of these that applies).
 */
@Command(name = "qr", mixinStandardHelpOptions = true,
        description = {"Đọc mã QR của CCCD / Căn cước trong ảnh / Decodes the CCCD QR code in image files (PNG, JPEG)."})
final class QrCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "PNG or JPEG files")
    List<Path> images = new ArrayList<>();

    @Option(names = "--json", description = "print the QR JSON of the contract (an array for several images)")
    boolean json;

    @Override
    public Integer call() {
        // UTF-8 whatever the platform's charset: names must never print as '?'
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        QrImageDecoder.Limits limits = QrImageDecoder.Limits.DEFAULT;
        QrImageDecoder decoder = new QrImageDecoder(limits);
        List<Map<String, Object>> results = new ArrayList<>();
        boolean unreadable = false;
        boolean badImage = false;
        boolean noQr = false;
        for (Path image : images) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("file", image.toString());
            try {
                CccdQr qr = decoder.decodeCccd(read(image, limits), QrImageDecoder.Effort.THOROUGH, LocalDate.now());
                r.put("format", qr.format());
                r.put("payload", qr.payload());
                r.put("fields", qr.fields());
                r.put("warnings", qr.warnings());
                if (!json) {
                    print(out, image, qr);
                }
            } catch (QrException e) {
                r.put("error", e.code());
                r.put("message", e.getMessage());
                err.println("cccd-reader qr: " + image + ": " + e.code() + ": " + e.getMessage());
                badImage |= e.isBadInput();
                noQr |= !e.isBadInput();
            } catch (IOException e) {
                r.put("error", "UNREADABLE");
                r.put("message", "cannot read the file: " + describe(e));
                err.println("cccd-reader qr: " + image + ": cannot read the file: " + describe(e));
                unreadable = true;
            }
            results.add(r);
        }
        if (json) {
            try {
                Object doc = results.size() == 1 ? results.get(0) : results;
                out.println(Json.MAPPER.writeValueAsString(doc));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the result cannot be written as JSON", e);
            }
        }
        out.flush();
        err.flush();
        if (unreadable) {
            return ExitCodes.USAGE;
        }
        if (badImage) {
            return ExitCodes.MALFORMED;
        }
        return noQr ? ExitCodes.NO_QR : 0;
    }

    /** The file's bytes; a file over the size limit is refused without reading it. */
    private static byte[] read(Path image, QrImageDecoder.Limits limits) throws IOException {
        if (Files.isDirectory(image)) {
            throw new IOException("it is a directory");
        }
        long size = Files.size(image);
        if (size > limits.maxBytes()) {
            throw new QrException(QrException.Reason.IMAGE_TOO_LARGE, "the image is " + size / 1024
                    + " KiB; at most " + limits.maxBytes() / 1024 + " KiB are accepted");
        }
        return Files.readAllBytes(image);
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
    }

    private static void print(PrintStream out, Path image, CccdQr qr) {
        QrFields f = qr.fields();
        out.println(image + ": " + qr.format());
        line(out, "Số định danh / ID number", f.idNumber());
        line(out, "Số CMND cũ / Old ID", f.oldIdNumber());
        line(out, "Họ và tên / Full name", f.fullName());
        line(out, "Ngày sinh / Date of birth", f.dateOfBirth());
        line(out, "Giới tính / Sex", f.sex());
        line(out, "Nơi cư trú / Residence", f.placeOfResidence());
        line(out, "Ngày cấp / Issued", f.issueDate());
        for (QrExtra e : f.extra()) {
            line(out, "Trường " + e.field() + " / Field " + e.field() + " (" + e.kind() + ")", e.value());
        }
        for (QrWarning w : qr.warnings()) {
            out.println("  ! " + w.field() + ": " + w.message());
        }
    }

    private static void line(PrintStream out, String label, String value) {
        if (value != null) {
            out.println("  " + label + ": " + value);
        }
    }
}
