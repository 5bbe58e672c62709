# Fabrikam Fashion — real-time offers (example evidence for Attest)

variable "environment" {
  type    = string
  default = "production"
}

resource "aws_dynamodb_table" "offers" {
  name         = "offers-${var.environment}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "customerId"

  attribute {
    name = "customerId"
    type = "S"
  }

  server_side_encryption {
    enabled = true
  }

  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_sqs_queue" "offer_events" {
  name              = "offer-events-${var.environment}"
  kms_master_key_id = "alias/aws/sqs"
}

resource "aws_cloudwatch_metric_alarm" "queue_age" {
  alarm_name          = "offer-events-age"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = aws_sqs_queue.offer_events.name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 300
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:eu-west-1:111122223333:ops-alarms"]
}

resource "aws_cloudwatch_metric_alarm" "table_throttles" {
  alarm_name          = "offers-throttles"
  namespace           = "AWS/DynamoDB"
  metric_name         = "ThrottledRequests"
  dimensions          = { TableName = aws_dynamodb_table.offers.name }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = ["arn:aws:sns:eu-west-1:111122223333:ops-alarms"]
}
