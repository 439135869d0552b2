// Metric: the mapping from a score to the value that is averaged.
#include <candor/score.hpp>
#include <cstdint>
#include <string>

namespace candor {

Metric Metric::Nps() { return Metric(); }

Metric Metric::Csat() { return TopBox(1, 5, 2); }

Metric Metric::Ces() { return Mean(1, 7); }

Metric Metric::CesAgree() { return TopBox(1, 7, 3); }

Metric Metric::TopBox(int scale_min, int scale_max, int box_size) {
  Metric metric;
  metric.kind = MetricKind::kTopBox;
  metric.scale_min = scale_min;
  metric.scale_max = scale_max;
  metric.box_size = box_size;
  return metric;
}

Metric Metric::BottomBox(int scale_min, int scale_max, int box_size) {
  Metric metric = TopBox(scale_min, scale_max, box_size);
  metric.kind = MetricKind::kBottomBox;
  return metric;
}

Metric Metric::Mean(int scale_min, int scale_max) {
  Metric metric;
  metric.kind = MetricKind::kMean;
  metric.scale_min = scale_min;
  metric.scale_max = scale_max;
  return metric;
}

Status Metric::Validate() const {
  switch (kind) {
    case MetricKind::kNps:
    case MetricKind::kTopBox:
    case MetricKind::kBottomBox:
    case MetricKind::kMean:
      break;
    default:
      return InvalidArgument("unknown metric kind " + std::to_string(static_cast<int>(kind)));
  }
  if (scale_min >= scale_max) {
    return InvalidArgument("scale_min (" + std::to_string(scale_min) +
                           ") must be below scale_max (" + std::to_string(scale_max) + ")");
  }
  const int64_t points = static_cast<int64_t>(scale_max) - scale_min + 1;
  if (points > 1000) {
    return InvalidArgument("a scale has at most 1000 points; " + std::to_string(scale_min) + ".." +
                           std::to_string(scale_max) + " has " + std::to_string(points));
  }
  if (kind == MetricKind::kNps) {
    if (detractor_max >= promoter_min) {
      return InvalidArgument("detractor_max (" + std::to_string(detractor_max) +
                             ") must be below promoter_min (" + std::to_string(promoter_min) + ")");
    }
    if (detractor_max < scale_min || promoter_min > scale_max) {
      return InvalidArgument("the NPS bands (detractors up to " + std::to_string(detractor_max) +
                             ", promoters from " + std::to_string(promoter_min) +
                             ") must lie within the scale " + std::to_string(scale_min) + ".." +
                             std::to_string(scale_max));
    }
  }
  if (kind == MetricKind::kTopBox || kind == MetricKind::kBottomBox) {
    if (box_size < 1 || box_size >= points) {
      return InvalidArgument("box_size (" + std::to_string(box_size) + ") must be in 1.." +
                             std::to_string(points - 1) + " for the scale " +
                             std::to_string(scale_min) + ".." + std::to_string(scale_max));
    }
  }
  return OkStatus();
}

double Metric::ValueOf(int score) const {
  switch (kind) {
    case MetricKind::kNps:
      if (score >= promoter_min) return 1.0;
      if (score <= detractor_max) return -1.0;
      return 0.0;
    case MetricKind::kTopBox:
      return static_cast<int64_t>(score) > static_cast<int64_t>(scale_max) - box_size ? 1.0 : 0.0;
    case MetricKind::kBottomBox:
      return static_cast<int64_t>(score) < static_cast<int64_t>(scale_min) + box_size ? 1.0 : 0.0;
    case MetricKind::kMean:
      return static_cast<double>(score);
  }
  return 0.0;
}

double Metric::Multiplier() const { return kind == MetricKind::kMean ? 1.0 : 100.0; }

double Metric::LowestValue() const {
  switch (kind) {
    case MetricKind::kNps:
      return -100.0;
    case MetricKind::kMean:
      return scale_min;
    default:
      return 0.0;
  }
}

double Metric::HighestValue() const {
  return kind == MetricKind::kMean ? static_cast<double>(scale_max) : 100.0;
}

}  // namespace candor
