package io.baton.alerts;

import io.baton.store.Alert;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Hands a stored alert to the mail server as multipart/alternative (plain text first, HTML last,
 * so clients that can show HTML do), and words a failure for the outbox without any credential.
 */
final class AlertMailer {

    private static final String MASK = "****";

    private final JavaMailSender sender;
    private final String from;
    private final List<String> secrets;

    /** {@code secrets}: values never to appear in a stored error (the SMTP password). */
    AlertMailer(JavaMailSender sender, String from, List<String> secrets) {
        this.sender = sender;
        this.from = from;
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
    }

    void send(Alert alert) {
        MimeMessage message = sender.createMimeMessage();
        try {
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(String.join(",", alert.recipients())));
            message.setSubject(alert.subject(), StandardCharsets.UTF_8.name());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(alert.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(alert.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        } catch (MessagingException e) {
            throw new MailPreparationException("alert " + alert.id() + " cannot be written as a mail", e);
        }
        sender.send(message);
    }

    /** The failure's chain of reasons, each once, with every secret masked. */
    String describe(Exception failure) {
        Set<String> reasons = new LinkedHashSet<>();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            reasons.add(t.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip()));
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t.getCause()) {
                reasons.add(m.getNextException().toString());
            }
        }
        String text = String.join("; caused by ", new ArrayList<>(reasons));
        for (String secret : secrets) {
            text = text.replace(secret, MASK);
        }
        return text;
    }
}
