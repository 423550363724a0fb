package vn.cccd.kiosk.testing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.cccd.kiosk.cards.CardSource;
import vn.cccd.kiosk.cards.ReaderStatus;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.error.AccessDeniedException;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;

/**
 * Readers with cards that hold a prepared {@link CardReadResult}: the read checks the key like BAC would (the
 * MRZ key of the persona must be among the keys tried) and reports progress file by file. A card can be made to
 * pause in the middle of a read, so that a test can take it away then.
 */
public final class FakeCardSource implements CardSource {
    /** The files a read goes through, with plausible sizes. */
    static final Map<String, Integer> FILES = Map.of("COM", 24, "SOD", 1900, "DG1", 96, "DG2", 18000,
            "DG13", 1100, "DG14", 350, "DG15", 160);
    private static final List<String> ORDER = List.of("COM", "SOD", "DG1", "DG13", "DG2", "DG14", "DG15");

    /** A card: what a read returns and the key that opens it. */
    public static final class FakeCard {
        final CardReadResult result;
        final MrzKey key;
        volatile ReaderException failure;
        volatile CountDownLatch pauseBefore;
        volatile CountDownLatch paused;
        volatile String pauseFile;

        public FakeCard(CardReadResult result, MrzKey key) {
            this.result = result;
            this.key = key;
        }

        /** The read fails with {@code e} (after the key check). */
        public FakeCard failingWith(ReaderException e) {
            failure = e;
            return this;
        }

        /**
         * The read stops before {@code file} until {@link #resume()}; {@link #awaitPaused()} waits for it to get
         * there.
         */
        public FakeCard pausingAt(String file) {
            pauseFile = file;
            pauseBefore = new CountDownLatch(1);
            paused = new CountDownLatch(1);
            return this;
        }

        public void awaitPaused() throws InterruptedException {
            if (!paused.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the read did not reach " + pauseFile);
            }
        }

        public void resume() {
            pauseBefore.countDown();
        }
    }

    private final Map<String, FakeCard> readers = new LinkedHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean broken;

    public FakeCardSource(String... readerNames) {
        for (String n : readerNames) {
            readers.put(n, null);
        }
    }

    /** The card of a built-in persona, with Passive Authentication VALID. */
    public static FakeCard personaCard(String persona) {
        return new FakeCard(TestCards.authentic(persona), keyOf(persona));
    }

    public static FakeCard card(String persona, CardReadResult result) {
        return new FakeCard(result, keyOf(persona));
    }

    /** The BAC key a persona's chip opens with. */
    public static MrzKey keyOf(String persona) {
        Persona p = Personas.builtIn(persona);
        DateTimeFormatter yymmdd = DateTimeFormatter.ofPattern("yyMMdd");
        String expiry = p.document().expiryDate() == null ? "991231"
                : LocalDate.parse(p.document().expiryDate()).format(yymmdd);
        return new MrzKey(p.documentNumber(), LocalDate.parse(p.person().dateOfBirth()).format(yymmdd), expiry);
    }

    public synchronized void insert(String reader, FakeCard card) {
        if (readers.get(reader) != null) {
            throw new IllegalStateException("a card is already on " + reader);
        }
        readers.put(reader, card);
    }

    /** Takes the card away and puts another in its place at once, between two polls of the readers. */
    public synchronized void swap(String reader, FakeCard card) {
        remove(reader);
        insert(reader, card);
    }

    public synchronized boolean remove(String reader) {
        FakeCard c = readers.put(reader, null);
        if (c != null && c.pauseBefore != null) {
            c.resume();
        }
        return c != null;
    }

    public synchronized boolean present(String reader) {
        return readers.get(reader) != null;
    }

    /** The smart-card service is down. */
    public void broken(boolean b) {
        broken = b;
    }

    public int reads() {
        return reads.get();
    }

    @Override
    public synchronized List<ReaderStatus> readers() {
        if (broken) {
            throw new vn.cccd.reader.error.TransportException("SCARD_E_NO_SERVICE");
        }
        List<ReaderStatus> out = new ArrayList<>();
        readers.forEach((n, c) -> out.add(new ReaderStatus(n, c != null)));
        return out;
    }

    @Override
    public CardReadResult read(String reader, ReadRequest request, ProgressListener progress) {
        reads.incrementAndGet();
        FakeCard card;
        synchronized (this) {
            card = readers.get(reader);
        }
        if (card == null) {
            throw new CardLostException("no card on " + reader);
        }
        boolean opened = false;
        for (AccessKey k : request.keys()) {
            if (k.equals(card.key)) {
                opened = true;
            }
        }
        if (!opened) {
            throw new AccessDeniedException("BAC failed with every key tried");
        }
        if (card.failure != null) {
            throw card.failure;
        }
        for (String file : ORDER) {
            if (file.equals("DG2") && !request.readFace()) {
                continue;
            }
            if (file.equals(card.pauseFile)) {
                card.paused.countDown();
                try {
                    card.pauseBefore.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CardLostException("interrupted");
                }
            }
            synchronized (this) {
                if (readers.get(reader) != card) {
                    throw new CardLostException("the card was removed during the read");
                }
            }
            int total = FILES.get(file);
            for (int done = 0; done < total; done += 1000) {
                progress.onProgress(file, done, total);
            }
            progress.onProgress(file, total, total);
        }
        return request.readFace() ? card.result : card.result.withoutFace();
    }
}
