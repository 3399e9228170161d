package chat.presence;

import chat.runtime.stage.StageLauncher;

/** Runs the presence stage alone: {@code java chat.presence.Main [--config presence.yaml]}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    StageLauncher.run("presence", PresenceConfig.class, args, PresenceStage::deploy);
  }
}
