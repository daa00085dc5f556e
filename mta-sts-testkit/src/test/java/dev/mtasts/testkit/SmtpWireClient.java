package dev.mtasts.testkit;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** A bare SMTP client over a real loopback socket: reads replies line by line, and can start TLS. */
final class SmtpWireClient implements Closeable {

    private final Socket plain;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private SmtpWireClient(Socket socket) throws IOException {
        this.plain = socket;
        use(socket);
    }

    static SmtpWireClient connect(String address, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), 5_000);
            socket.setSoTimeout(10_000);
            return new SmtpWireClient(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private void use(Socket s) throws IOException {
        this.socket = s;
        this.in = new java.io.BufferedInputStream(s.getInputStream()); // empty whenever TLS starts: the server waits
        this.out = s.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** @return one line without CRLF, or null at the end of the stream */
    String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** @return the lines of one (multi-line) reply */
    List<String> reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = line();
            if (line == null) {
                throw new IOException("the server closed the connection after " + lines);
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return lines;
            }
        }
    }

    /** @return the last line of the reply to the command */
    String command(String command) throws IOException {
        send(command);
        List<String> reply = reply();
        return reply.get(reply.size() - 1);
    }

    /** @return every line of the reply to the command */
    List<String> commandReply(String command) throws IOException {
        send(command);
        return reply();
    }

    void send(String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Layers TLS over the connection (after a 220 to STARTTLS) with SNI, trusting the context's roots. */
    SSLSocket startTls(SSLContext context, String sni) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(plain,
                plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(sni)));
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        use(ssl);
        return ssl;
    }

    /**
     * Layers TLS over the connection trusting the authority's root, and returns the leaf the server presented
     * whether or not the authority's trust manager then accepted it (an expired certificate fails the handshake).
     */
    X509Certificate presented(TestCertificateAuthority ca, String sni) throws Exception {
        X509TrustManager pkix = ca.trustManager();
        X509Certificate[] seen = new X509Certificate[1];
        X509TrustManager recording = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                pkix.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                seen[0] = chain[0];
                pkix.checkServerTrusted(chain, authType);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return pkix.getAcceptedIssuers();
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {recording}, null);
        try {
            startTls(context, sni);
        } catch (SSLHandshakeException e) {
            if (seen[0] == null) {
                throw e;
            }
        }
        return seen[0];
    }

    X509Certificate peer() throws IOException {
        return (X509Certificate) ((SSLSocket) socket).getSession().getPeerCertificates()[0];
    }

    /** @return true when the server has closed the connection: the next read is the end of the stream */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        plain.close();
    }
}
