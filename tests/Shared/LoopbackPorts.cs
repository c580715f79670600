using System.Net;
using System.Net.Sockets;

namespace Tests.Shared;

/// <summary>Loopback ports for the servers the tests start (SMTP sink, RabbitMQ node, Worker processes, the web UI on Kestrel).</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on right now: the system picks it, and it is released at once for the caller's server.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether a server accepts connections on <paramref name="port"/> yet.</summary>
    public static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException) { return false; }
    }
}
