package vn.cccd.reader.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.util.Hex;

/** A transport that expects an exact sequence of commands (hex) and answers each with a scripted response. */
public final class ScriptedTransport implements CardTransport {
    private record Step(String command, String response) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private int sent;

    public ScriptedTransport expect(String commandHex, String responseHex) {
        steps.add(new Step(Hex.encode(Hex.decode(commandHex)), responseHex));
        return this;
    }

    @Override
    public byte[] transceive(byte[] command) {
        sent++;
        Step step = steps.poll();
        if (step == null) {
            throw new AssertionError("unexpected command #" + sent + ": " + Hex.encode(command));
        }
        String actual = Hex.encode(command);
        if (!actual.equals(step.command())) {
            throw new AssertionError("command #" + sent + "\n expected " + step.command() + "\n but was  " + actual);
        }
        return Hex.decode(step.response());
    }

    public boolean finished() {
        return steps.isEmpty();
    }
}
