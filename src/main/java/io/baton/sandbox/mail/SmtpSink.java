package io.baton.sandbox.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.List;

/**
 * An SMTP server on loopback that keeps every message it receives, so the demo and the tests can
 * read the alert mail Baton sends without a real mail server.
 */
public final class SmtpSink implements AutoCloseable {

    /** One received message, flattened for assertions and the demo log. */
    public record ReceivedMail(List<String> to, String from, String subject, String body) {
    }

    private final GreenMail greenMail;
    private volatile ScheduledExecutorService saver;
    private int saved;

    private SmtpSink(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts on {@code host:port}; port 0 picks a free port. */
    public static SmtpSink start(String host, int port) {
        ServerSetup setup = new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP).dynamicPort();
        if (port != 0) {
            setup = new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP);
        }
        GreenMail greenMail = new GreenMail(setup);
        greenMail.start();
        return new SmtpSink(greenMail);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public List<ReceivedMail> messages() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(SmtpSink::flatten).toList();
    }

    /** Forgets every message received so far. */
    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot clear the SMTP sink", e);
        }
    }

    /**
     * From now on, every message received is also written to {@code dir} as {@code NNN.eml} (a few
     * seconds after it arrives), so a person running the demo can open the alert mail.
     */
    public void saveTo(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the mail folder " + dir, e);
        }
        ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smtp-sink-saver");
            t.setDaemon(true);
            return t;
        });
        saver.scheduleWithFixedDelay(() -> saveNew(dir), 2, 2, TimeUnit.SECONDS);
        this.saver = saver;
    }

    private void saveNew(Path dir) {
        MimeMessage[] received = greenMail.getReceivedMessages();
        for (int i = saved; i < received.length; i++) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(String.format(Locale.ROOT, "%03d.eml", i + 1)))) {
                received[i].writeTo(out);
            } catch (IOException | MessagingException e) {
                return; // tried again on the next round
            }
            saved = i + 1;
        }
    }

    @Override
    public void close() {
        if (saver != null) {
            saver.shutdownNow();
        }
        greenMail.stop();
    }

    private static ReceivedMail flatten(MimeMessage message) {
        try {
            List<String> to = message.getAllRecipients() == null ? List.of()
                    : Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
            String from = message.getFrom() == null || message.getFrom().length == 0 ? "" : message.getFrom()[0].toString();
            return new ReceivedMail(to, from, message.getSubject(), GreenMailUtil.getBody(message));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read a message from the SMTP sink", e);
        }
    }
}
