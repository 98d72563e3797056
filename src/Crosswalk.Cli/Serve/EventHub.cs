using System.Threading.Channels;

namespace Crosswalk.Cli.Serve;

/// <summary>
/// Fans server-sent events out to the connected pages. Each subscriber has a small queue (a slow client loses old
/// messages, never blocks the others); completing the hub ends every stream.
/// </summary>
internal sealed class EventHub : IDisposable
{
    private readonly Lock _lock = new();
    private readonly HashSet<Channel<string>> _subscribers = [];
    private readonly Timer _heartbeat;
    private bool _completed;

    public EventHub(TimeSpan heartbeat)
    {
        _heartbeat = new Timer(_ => Publish(": heartbeat\n\n"), null, heartbeat, heartbeat);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _subscribers.Count;
            }
        }
    }

    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(32)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_lock)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _subscribers.Add(channel);
            }
        }
        return new Subscription(this, channel);
    }

    /// <summary>Sends one event: <c>event: NAME</c> and its data line.</summary>
    public void PublishEvent(string name, string data) => Publish($"event: {name}\ndata: {data}\n\n");

    public void Publish(string message)
    {
        lock (_lock)
        {
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryWrite(message);
            }
        }
    }

    /// <summary>Ends every stream; later subscribers get an already finished stream.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryComplete();
            }
            _subscribers.Clear();
        }
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        Complete();
    }

    private void Remove(Channel<string> channel)
    {
        lock (_lock)
        {
            _subscribers.Remove(channel);
        }
    }

    internal sealed class Subscription(EventHub hub, Channel<string> channel) : IDisposable
    {
        public ChannelReader<string> Reader => channel.Reader;

        public void Dispose() => hub.Remove(channel);
    }
}
