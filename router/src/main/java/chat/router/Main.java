package chat.router;

import chat.runtime.stage.StageLauncher;

/** Runs the router alone: {@code java chat.router.Main [--config router.yaml]}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    StageLauncher.run("router", RouterConfig.class, args, RouterStage::deploy);
  }
}
