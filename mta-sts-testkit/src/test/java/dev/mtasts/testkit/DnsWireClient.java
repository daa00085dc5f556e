package dev.mtasts.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** A bare client that sends one query over a real loopback socket and returns the raw reply. */
final class DnsWireClient {

    private final InetSocketAddress server;

    DnsWireClient(InetSocketAddress server) {
        this.server = server;
    }

    static Message query(String name, String type, boolean edns) throws IOException {
        Message q = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), Type.value(type), DClass.IN));
        if (edns) {
            q.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        }
        return q;
    }

    byte[] udpRaw(Message query, int timeoutMillis) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(server.getAddress(), 0))) {
            socket.setSoTimeout(timeoutMillis);
            byte[] out = query.toWire();
            socket.send(new DatagramPacket(out, out.length, server));
            byte[] buffer = new byte[65_535];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            return Arrays.copyOf(packet.getData(), packet.getLength());
        }
    }

    Message udp(Message query) throws IOException {
        return new Message(udpRaw(query, 2_000));
    }

    Message tcp(Message query) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, 2_000);
            socket.setSoTimeout(2_000);
            byte[] out = query.toWire();
            DataOutputStream o = new DataOutputStream(socket.getOutputStream());
            o.writeShort(out.length);
            o.write(out);
            o.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] reply = new byte[in.readUnsignedShort()];
            in.readFully(reply);
            return new Message(reply);
        }
    }
}
