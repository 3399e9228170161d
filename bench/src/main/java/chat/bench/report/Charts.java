package chat.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The two PNG charts of a latency run (JFreeChart, headless): percentiles over time, and the latency distribution. */
public final class Charts {

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 500;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** p50, p99 and max latency of each second of the run. */
  public static void overTime(Path png, String title, Timeline timeline) throws IOException {
    XYSeries p50 = new XYSeries("p50");
    XYSeries p99 = new XYSeries("p99");
    XYSeries max = new XYSeries("max");
    for (Timeline.Point point : timeline.points()) {
      p50.add(point.second(), point.p50Ms());
      p99.add(point.second(), point.p99Ms());
      max.add(point.second(), point.maxMs());
    }
    XYSeriesCollection series = new XYSeriesCollection();
    series.addSeries(p50);
    series.addSeries(p99);
    series.addSeries(max);
    JFreeChart chart = ChartFactory.createXYLineChart(title + " — latency over time", "second of the run", "latency (ms)",
        series, PlotOrientation.VERTICAL, true, false, false);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
  }

  /** Latency by percentile, the x axis stretched towards the tail (1 / (1 − p)): 50 %, 90 %, 99 %, 99.9 % equally spaced. */
  public static void distribution(Path png, String title, Histogram micros) throws IOException {
    XYSeries series = new XYSeries("latency");
    for (HistogramIterationValue value : micros.percentiles(5)) {
      double percentile = value.getPercentileLevelIteratedTo();
      if (percentile >= 100.0) {
        break;
      }
      series.add(1 / (1 - percentile / 100.0), value.getValueIteratedTo() / 1000.0);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title + " — latency distribution",
        "percentile as 1 / (1 − p): 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9", "latency (ms)",
        new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
    LogAxis axis = new LogAxis("percentile as 1 / (1 − p): 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9");
    axis.setBase(10);
    ((XYPlot) chart.getPlot()).setDomainAxis(axis);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
  }
}
