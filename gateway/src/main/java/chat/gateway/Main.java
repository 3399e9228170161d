package chat.gateway;

import chat.runtime.stage.StageLauncher;

/** Runs a gateway alone: {@code java chat.gateway.Main [--config gateway.yaml]}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    StageLauncher.run("gateway", GatewayConfig.class, args, GatewayStage::deploy);
  }
}
