package vn.cccd.reader.lds.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import vn.cccd.reader.error.MalformedDataException;

/**
 * Decodes a portrait (JPEG or JPEG 2000) for display or measurement, with bounds a hostile chip cannot get
 * around: the size the image header states is checked against a pixel cap before any pixel is decoded, decoding
 * runs on a small shared pool of daemon threads and is abandoned after a timeout, and every failure (corrupt
 * data, a decoder exception or error, a timeout, a busy pool) is a {@link MalformedDataException}.
 *
 * <p>An abandoned decode is asked to stop ({@link ImageReader#abort()}, interrupt) but Java cannot kill a thread;
 * at most {@value #MAX_THREADS} decodes run at once (a permit is held until the decoding thread really ends), and
 * a request waits for a permit no longer than its timeout, then fails as busy instead of queueing behind a runaway
 * one.
 */
public final class FaceImageDecoder {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** 2048 × 2048: far above any ICAO portrait (a CCCD's is a few hundred pixels a side). */
    public static final long DEFAULT_MAX_PIXELS = 2048L * 2048L;
    static final int MAX_THREADS = 2;
    static final long MAX_TILES = 1024;
    static final int MAX_COMPONENTS = 4;

    private static final ThreadPoolExecutor POOL = newPool();
    private static final Semaphore RUNNING = new Semaphore(MAX_THREADS);

    private final Duration timeout;
    private final long maxPixels;

    public FaceImageDecoder(Duration timeout, long maxPixels) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.timeout = timeout;
        this.maxPixels = maxPixels;
    }

    /** 5 seconds, 4 megapixels. */
    public static FaceImageDecoder withDefaults() {
        return new FaceImageDecoder(DEFAULT_TIMEOUT, DEFAULT_MAX_PIXELS);
    }

    /** Decodes JPEG or JPEG 2000 bytes (type sniffed from the bytes). */
    public BufferedImage decode(byte[] image) {
        String mime = FaceImage.sniff(image);
        checkHeader(image, mime);
        byte[] copy = image.clone();
        AtomicReference<ImageReader> reader = new AtomicReference<>();
        AtomicBoolean started = new AtomicBoolean();
        Future<BufferedImage> task;
        try {
            if (!RUNNING.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new MalformedDataException("image decoder busy: earlier images are still being decoded");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MalformedDataException("interrupted while waiting for the image decoder", e);
        }
        try {
            task = POOL.submit(() -> {
                if (!started.compareAndSet(false, true)) {
                    return null; // abandoned while queued; the caller gave the permit back
                }
                try {
                    return decodeNow(copy, mime, reader);
                } finally {
                    RUNNING.release();
                }
            });
        } catch (RejectedExecutionException e) {
            RUNNING.release();
            throw new MalformedDataException("image decoder busy: earlier images are still being decoded");
        }
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            giveBackIfNeverStarted(started);
            ImageReader r = reader.get();
            if (r != null) {
                r.abort();
            }
            throw new MalformedDataException("decoding the " + mime + " image took longer than "
                    + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MalformedDataException m) {
                throw m;
            }
            throw new MalformedDataException("the " + mime + " image does not decode ("
                    + cause.getClass().getSimpleName() + ")", cause);
        } catch (InterruptedException e) {
            task.cancel(true);
            giveBackIfNeverStarted(started);
            Thread.currentThread().interrupt();
            throw new MalformedDataException("interrupted while decoding the image", e);
        }
    }

    /** The size of the decoded image, {width, height} (decodes it, within the bounds). */
    public int[] size(byte[] image) {
        BufferedImage img = decode(image);
        return new int[] {img.getWidth(), img.getHeight()};
    }

    /**
     * A JPEG for display: JPEG bytes are returned unchanged, JPEG 2000 (which browsers do not show) is decoded
     * within the bounds and re-encoded as JPEG.
     */
    public byte[] toDisplayableJpeg(byte[] image) {
        if (FaceImage.JPEG.equals(FaceImage.sniff(image))) {
            return image.clone();
        }
        BufferedImage decoded = decode(image);
        BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(decoded, 0, 0, null);
        return JpegEncoder.encode(rgb, 0.9f);
    }

    /** Refuses, before any decoder runs, sizes beyond the caps as the image's own header states them. */
    private void checkHeader(byte[] image, String mime) {
        long w;
        long h;
        if (FaceImage.JPEG.equals(mime)) {
            int[] size = JpegDimensions.of(image);
            w = size[0];
            h = size[1];
        } else {
            Jpeg2000Header j = Jpeg2000Header.of(image);
            if (j.tiles() > MAX_TILES || j.components() < 1 || j.components() > MAX_COMPONENTS) {
                throw new MalformedDataException("the JPEG 2000 image has " + j.tiles() + " tiles and "
                        + j.components() + " components; a portrait has at most " + MAX_TILES + " and "
                        + MAX_COMPONENTS);
            }
            w = j.width();
            h = j.height();
        }
        if (w * h > maxPixels) {
            throw new MalformedDataException("the " + mime + " image claims " + w + "x" + h
                    + " pixels; the limit is " + maxPixels);
        }
    }

    private BufferedImage decodeNow(byte[] image, String mime, AtomicReference<ImageReader> holder) {
        ImageReader reader = readerFor(mime);
        holder.set(reader);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            reader.setInput(in, true, true);
            long w = reader.getWidth(0);
            long h = reader.getHeight(0);
            if (w <= 0 || h <= 0 || w * h > maxPixels) {
                throw new MalformedDataException("the " + mime + " image claims " + w + "x" + h
                        + " pixels; the limit is " + maxPixels);
            }
            BufferedImage img = reader.read(0);
            if (img == null) {
                throw new MalformedDataException("the " + mime + " image decoded to nothing");
            }
            return img;
        } catch (MalformedDataException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // third-party decoders throw anything on corrupt input; all of it is bad data to us
            throw new MalformedDataException("the " + mime + " image does not decode (" + e.getClass().getSimpleName()
                    + ")", e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(String mime) {
        vn.cccd.reader.util.NoDiskImaging.ensure();
        String format = FaceImage.JPEG.equals(mime) ? "jpeg" : "jpeg2000";
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no " + format + " decoder on the class path (jai-imageio-jpeg2000)");
        }
        return readers.next();
    }

    private static void giveBackIfNeverStarted(AtomicBoolean started) {
        if (started.compareAndSet(false, true)) {
            RUNNING.release();
        }
    }

    private static ThreadPoolExecutor newPool() {
        AtomicInteger n = new AtomicInteger();
        // Permits bound the work; the queue only absorbs the moment between a task's end and its thread's return.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "face-image-decoder-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
