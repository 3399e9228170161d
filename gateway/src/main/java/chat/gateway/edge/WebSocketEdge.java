package chat.gateway.edge;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import java.net.InetSocketAddress;

/**
 * The WebSocket endpoint, on Netty directly, on the event loop of the Vert.x context that starts
 * it (so the gateway's code runs on one thread, as in a verticle). Vert.x's own HTTP server keeps
 * ~16 KB per upgraded socket (two message queues with 1,024-slot arrays, the HTTP/1.x connection
 * and request objects that stay referenced); this pipeline keeps only the WebSocket codec and
 * two small handlers, so idle connections cost a few KB (see the gateway README).
 *
 * <p>Per connection: HTTP codec and a small aggregator for the upgrade request, the
 * {@link UpgradeGate} (path, method, admission), Netty's handshake and protocol handler (pings
 * answered, close handshake, UTF-8 checked, frame size limited), fragments joined, and the
 * {@link SocketHandler}. No per-message compression is offered (its deflate state alone would be
 * many times the rest).
 */
public final class WebSocketEdge {

  /** How the edge listens. */
  public record Settings(String host, int port, String path, int maxMessageBytes, int maxQueueBytes, long handshakeTimeoutMs) {}

  /** Largest upgrade request (the request line, headers and no body) accepted. */
  private static final int MAX_REQUEST_BYTES = 8192;

  private final ContextInternal context;
  private final Upgrades upgrades;
  private final Settings settings;
  private Channel server;
  private int port;

  public WebSocketEdge(ContextInternal context, Upgrades upgrades, Settings settings) {
    this.context = context;
    this.upgrades = upgrades;
    this.settings = settings;
  }

  /** Binds the port; completes with the port bound (useful when configured as 0). */
  public Future<Integer> listen() {
    EventLoop loop = context.nettyEventLoop();
    WebSocketServerProtocolConfig protocol = WebSocketServerProtocolConfig.newBuilder()
        .websocketPath(settings.path())
        .checkStartsWith(true) // the query string carries the ticket
        .handleCloseFrames(true)
        .dropPongFrames(true)
        .handshakeTimeoutMillis(settings.handshakeTimeoutMs())
        .decoderConfig(WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(settings.maxMessageBytes()).build())
        .build();
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(loop, loop)
        .channelFactory(context.owner().transport().serverChannelFactory(false))
        .option(ChannelOption.SO_BACKLOG, 1024)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
            new WriteBufferWaterMark(settings.maxQueueBytes() / 2, settings.maxQueueBytes()))
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) {
            SocketHandler socket = new SocketHandler(context, upgrades);
            channel.pipeline().addLast(
                new HttpServerCodec(4096, MAX_REQUEST_BYTES, 8192),
                new HttpObjectAggregator(MAX_REQUEST_BYTES),
                new UpgradeGate(context, upgrades, settings.path(), settings.handshakeTimeoutMs(), socket),
                new WebSocketServerProtocolHandler(protocol),
                new WebSocketFrameAggregator(settings.maxMessageBytes()),
                socket);
          }
        });
    Promise<Integer> bound = context.promise();
    bootstrap.bind(settings.host(), settings.port()).addListener((ChannelFuture f) -> {
      if (f.isSuccess()) {
        server = f.channel();
        port = ((InetSocketAddress) server.localAddress()).getPort();
        bound.complete(port);
      } else {
        bound.fail(f.cause());
      }
    });
    return bound.future();
  }

  /** The port bound, once listening. */
  public int port() {
    return port;
  }

  /** Stops accepting connections (open ones are closed by the gateway). */
  public Future<Void> close() {
    if (server == null) {
      return Future.succeededFuture();
    }
    Promise<Void> closed = context.promise();
    server.close().addListener(f -> closed.complete());
    return closed.future();
  }
}
