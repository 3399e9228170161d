package chat.api;

import chat.runtime.stage.StageLauncher;

/** Runs the api alone: {@code java chat.api.Main [--config api.yaml]}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    StageLauncher.run("api", ApiConfig.class, args, ApiStage::deploy);
  }
}
