package dev.layerlens.cli.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A token server as Docker's token authentication specifies it, run by the test: checks Basic
 * credentials (or serves anonymous requests), grants the asked scopes to known users (only pull to
 * anonymous ones, when allowed), and answers a JWT signed with an RSA key whose certificate the
 * registry trusts ({@code rootcertbundle}); the registry finds the key by its libtrust key ID.
 * Every token it issues is recorded.
 */
final class TokenServer implements AutoCloseable {
    static final String SERVICE = "layerlens-test-registry";
    static final String ISSUER = "layerlens-test-issuer";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One token issued: for whom (null: anonymous), which scope was asked. */
    record Issued(String user, String scope) {
    }

    private final HttpServer server;
    private final KeyPair keys;
    private final String keyId;
    private final Path certificateFile;
    private final Map<String, String> users;
    private final boolean anonymousPull;
    private final Duration lifetime;
    private final List<Issued> issued = new CopyOnWriteArrayList<>();
    private final List<String> refusedUsers = new CopyOnWriteArrayList<>();

    TokenServer(Path dir, Map<String, String> users, boolean anonymousPull, Duration lifetime) {
        this.users = Map.copyOf(users);
        this.anonymousPull = anonymousPull;
        this.lifetime = lifetime;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            keyId = libtrustKeyId(keys.getPublic().getEncoded());
            certificateFile = Files.createDirectories(dir).resolve("token-signer.pem");
            Files.writeString(certificateFile, pem(selfSigned(keys)), StandardCharsets.US_ASCII);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", this::token);
        server.start();
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    Path certificateFile() {
        return certificateFile;
    }

    List<Issued> issued() {
        return List.copyOf(issued);
    }

    List<String> refusedUsers() {
        return List.copyOf(refusedUsers);
    }

    void reset() {
        issued.clear();
        refusedUsers.clear();
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String user = null;
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null && authorization.startsWith("Basic ")) {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String name = colon < 0 ? decoded : decoded.substring(0, colon);
                if (colon < 0 || !decoded.substring(colon + 1).equals(users.get(name))) {
                    refusedUsers.add(name);
                    send(exchange, 401, "{\"details\":\"incorrect username or password\"}");
                    return;
                }
                user = name;
            }
            List<String> scopes = new ArrayList<>();
            String query = exchange.getRequestURI().getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals("scope")) {
                    scopes.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            ArrayNode access = JSON.createArrayNode();
            for (String scope : scopes) {
                issued.add(new Issued(user, scope));
                String[] parts = scope.split(":");
                if (parts.length != 3 || !parts[0].equals("repository")) {
                    continue;
                }
                List<String> granted = new ArrayList<>();
                for (String action : parts[2].split(",")) {
                    if (user != null || (anonymousPull && action.equals("pull"))) {
                        granted.add(action);
                    }
                }
                ObjectNode entry = access.addObject().put("type", "repository").put("name", parts[1]);
                granted.forEach(entry.putArray("actions")::add);
            }
            String jwt = jwt(user, access);
            ObjectNode body = JSON.createObjectNode().put("token", jwt).put("access_token", jwt)
                    .put("expires_in", lifetime.toSeconds()).put("issued_at", Instant.now().toString());
            send(exchange, 200, JSON.writeValueAsString(body));
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private String jwt(String user, ArrayNode access) throws GeneralSecurityException, IOException {
        long now = Instant.now().getEpochSecond();
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256").put("kid", keyId);
        ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", user == null ? "" : user)
                .put("aud", SERVICE).put("exp", now + lifetime.toSeconds()).put("nbf", now - 10).put("iat", now)
                .put("jti", Long.toHexString(System.nanoTime()));
        claims.set("access", access);
        String signingInput = base64Url(JSON.writeValueAsBytes(header)) + "." + base64Url(JSON.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(rsa.sign());
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The key ID docker's libtrust gives a public key, which the registry uses to find the key a
     * token names: base32 of the first 240 bits of the SHA-256 of its DER form, in groups of four.
     */
    static String libtrustKeyId(byte[] subjectPublicKeyInfo) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo);
        String base32 = base32(java.util.Arrays.copyOf(hash, 30));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < base32.length(); i += 4) {
            if (i > 0) {
                out.append(':');
            }
            out.append(base32, i, Math.min(i + 4, base32.length()));
        }
        return out.toString();
    }

    private static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    private static X509Certificate selfSigned(KeyPair keys)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        X500Name name = new X500Name("CN=layerlens test token signer");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
