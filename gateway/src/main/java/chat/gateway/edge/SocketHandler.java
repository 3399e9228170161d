package chat.gateway.edge;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.vertx.core.internal.ContextInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of one connection: once the handshake completes it tells the gateway, then
 * hands it each whole message and the close, on the gateway's Vert.x context; and it is the
 * {@link ClientSocket} the gateway writes to.
 */
final class SocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> implements ClientSocket {

  private static final Logger log = LoggerFactory.getLogger(SocketHandler.class);

  private final ContextInternal context;
  private final Upgrades upgrades;
  private Upgrades.Admission admission;
  private Channel channel;
  private SocketListener listener;
  private boolean closing;

  SocketHandler(ContextInternal context, Upgrades upgrades) {
    this.context = context;
    this.upgrades = upgrades;
  }

  /** Set by the gate before the handshake: who this connection is. */
  void admitted(Upgrades.Admission admission) {
    this.admission = admission;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete && admission != null) {
      channel = ctx.channel();
      ContextInternal previous = context.beginDispatch();
      try {
        listener = upgrades.opened(admission, this);
      } finally {
        context.endDispatch(previous);
      }
      admission = null;
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (listener == null) {
      return;
    }
    if (frame instanceof TextWebSocketFrame text) {
      context.dispatch(text.text(), listener::onText);
    } else if (frame instanceof BinaryWebSocketFrame) {
      context.dispatch(v -> listener.onBinary());
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closing = true;
    if (listener != null) {
      SocketListener closed = listener;
      listener = null;
      context.dispatch(v -> closed.onClosed());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("socket failed: {}", cause.toString());
    ctx.close();
  }

  @Override
  public boolean isClosed() {
    return closing || !channel.isActive();
  }

  @Override
  public boolean writeQueueFull() {
    return !channel.isWritable();
  }

  @Override
  public void writeText(String text) {
    channel.writeAndFlush(new TextWebSocketFrame(ByteBufUtil.writeUtf8(channel.alloc(), text)), channel.voidPromise());
  }

  @Override
  public void queueText(ByteBuf utf8) {
    channel.write(new TextWebSocketFrame(utf8), channel.voidPromise());
  }

  @Override
  public void flush() {
    channel.flush();
  }

  @Override
  public void close(short code, String reason) {
    if (!closing) {
      closing = true;
      channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
