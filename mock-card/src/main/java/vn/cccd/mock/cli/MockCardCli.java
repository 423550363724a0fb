package vn.cccd.mock.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.fault.Fault;
import vn.cccd.mock.link.LinkModel;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pki.MockPki;
import vn.cccd.mock.vpcd.VpcdAddress;
import vn.cccd.mock.vpcd.VpcdClient;
import vn.cccd.reader.document.DocumentFiles;

/**
 * Entry point of mock-card.jar: {@code personas}, {@code serve}, {@code pki}. Exit codes: 0 done, 2 bad
 * arguments (unknown persona, bad fault, bad rate), 3 vpcd not reachable, 1 anything else.
 */
@Command(name = "mock-card", mixinStandardHelpOptions = true, version = "mock-card 0.1",
        description = "A software CCCD chip with fake personas, for tests, demos and integrators.",
        subcommands = {MockCardCli.PersonasCommand.class, MockCardCli.ServeCommand.class, MockCardCli.PkiCommand.class,
            MockCardCli.FilesCommand.class})
public final class MockCardCli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_NO_VPCD = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        vn.cccd.reader.util.NoDiskImaging.ensure();
        int code = run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        if (!ServeCommand.stoppedBySignal) {
            System.exit(code);
        }
    }

    /** Runs one command with the given output streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new MockCardCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof UnsupportedOperationException) {
                commandLine.getErr().println("mock-card: " + e.getMessage());
                return EXIT_USAGE;
            }
            commandLine.getErr().println("mock-card: " + e);
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: personas, serve or pki");
    }

    @Command(name = "personas", description = "List the built-in personas (names only), or print one as persona JSON.")
    static final class PersonasCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "print this persona's JSON")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (name == null) {
                Personas.builtInNames().forEach(out::println);
            } else {
                out.println(Personas.toJson(Personas.builtIn(name)));
            }
            return EXIT_OK;
        }
    }

    @Command(name = "pki", description = "Write the test CSCA certificates (PEM) that sign every mock card.")
    static final class PkiCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write into")
        Path out;

        @Override
        public Integer call() throws IOException {
            for (Path p : MockPki.instance().writeTrustAnchors(out)) {
                spec.commandLine().getOut().println(p);
            }
            return EXIT_OK;
        }
    }

    @Command(name = "files", description = {
        "Write a persona's chip files (COM.bin, SOD.bin, DG1.bin ...) into a directory, as 'cccd-reader read --save'",
        "does, for 'cccd-reader verify DIR'. Document faults (tamper-dg13, bad-sod-signature, unknown-csca,",
        "legacy-dg13-layout, unknown-dg13-layout, expired-document-signer) apply."})
    static final class FilesCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--persona", required = true, paramLabel = "NAME-OR-FILE",
                description = "a built-in persona (see 'personas') or a persona JSON file")
        String persona;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write into")
        Path out;

        @Option(names = "--fault", paramLabel = "NAME", description = "a document fault (repeatable)")
        List<String> faults = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            Persona p = Personas.resolve(persona);
            List<Fault> parsed = Fault.parseAll(faults);
            new DocumentFiles(DocumentFactory.files(p, MockCards.documentFaults(parsed))).save(out);
            spec.commandLine().getOut().println("mock-card: files of '" + p.name() + "' written to " + out);
            return EXIT_OK;
        }
    }

    @Command(name = "serve", description = {
        "Run the chip of a persona in the vpcd slot of pcscd, so that PC/SC applications see it in reader",
        "\"Virtual PCD 00 00\". Stays until killed; Ctrl-C or kill is a card removal."})
    static final class ServeCommand implements Callable<Integer> {
        static volatile boolean stoppedBySignal;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--persona", required = true, paramLabel = "NAME-OR-FILE",
                description = "a built-in persona (see 'personas') or a persona JSON file")
        String persona;

        @Option(names = "--vpcd", arity = "0..1", paramLabel = "HOST:PORT", fallbackValue = "127.0.0.1:35963",
                description = "the vpcd slot to attach to (default 127.0.0.1:35963)")
        String vpcd;

        @Option(names = "--fault", paramLabel = "NAME", description = "a fault to show (repeatable): tamper-dg13,"
                + " bad-sod-signature, unknown-csca, clone, ca-mismatch, legacy-dg13-layout, unknown-dg13-layout,"
                + " expired-document-signer, remove-after:N, max-le:N, garbage-after:N, stall-after:N")
        List<String> faults = new ArrayList<>();

        @Option(names = "--link-kbps", paramLabel = "N",
                description = "make the link as slow as a real one at 106, 212, 424 or 848 kbit/s")
        Integer linkKbps;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Persona p = Personas.resolve(persona);
            List<Fault> parsed = Fault.parseAll(faults);
            if (linkKbps != null && !LinkModel.isSupportedRate(linkKbps)) {
                throw new IllegalArgumentException("--link-kbps must be 106, 212, 424 or 848, got " + linkKbps);
            }
            VpcdAddress address = VpcdAddress.parse(vpcd);
            Chip chip = MockCards.chip(p, parsed);
            if (linkKbps != null) {
                chip = new LinkModel(chip, linkKbps);
            }
            VpcdClient client = new VpcdClient(chip, address);
            try {
                client.connect();
            } catch (IOException e) {
                err.println("mock-card: cannot reach vpcd at " + address + " (" + e.getMessage()
                        + "); is pcscd running with vsmartcard-vpcd?");
                return EXIT_NO_VPCD;
            }
            CountDownLatch done = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                stoppedBySignal = true;
                client.close();
                try {
                    done.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "mock-card-removal");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("mock-card: card '" + p.name() + "' attached to vpcd " + address + " (PC/SC reader \""
                    + address.readerName() + "\")" + describe(parsed, linkKbps) + "; Ctrl-C removes it");
            out.flush();
            try {
                VpcdClient.Ending ending = client.serve();
                switch (ending) {
                    case CARD_REMOVED:
                        out.println("mock-card: card removed: " + client.removalReason());
                        break;
                    case VPCD_CLOSED:
                        out.println("mock-card: vpcd closed the connection (pcscd stopped?); card removed");
                        break;
                    default:
                        out.println("mock-card: stopped; card removed");
                        break;
                }
                out.flush();
                return EXIT_OK;
            } finally {
                done.countDown();
                if (!stoppedBySignal) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // already shutting down
                    }
                }
            }
        }

        private static String describe(List<Fault> faults, Integer kbps) {
            StringBuilder sb = new StringBuilder();
            if (!faults.isEmpty()) {
                sb.append(", faults ");
                sb.append(String.join(" ", faults.stream().map(Fault::spec).toList()));
            }
            if (kbps != null) {
                sb.append(", link ").append(kbps).append(" kbit/s");
            }
            return sb.toString();
        }
    }
}
