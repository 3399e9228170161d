package chat.pusher;

import chat.runtime.stage.StageLauncher;

/** Runs the pusher alone: {@code java chat.pusher.Main [--config pusher.yaml]}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    StageLauncher.run("pusher", PusherConfig.class, args, PusherStage::deploy);
  }
}
