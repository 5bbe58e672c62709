using Attest.Evidence.CloudFormation;

namespace Attest.Evidence.Tests.CloudFormation;

public sealed class LooksLikeTemplateTests
{
    [Theory]
    [InlineData("AWSTemplateFormatVersion: '2010-09-09'\nDescription: nothing yet\n")]
    [InlineData("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n")]
    [InlineData("Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: 'AWS::Serverless::Function'\n")]
    [InlineData("# infra\nResources:\n  Hook:\n    Type: Custom::Notify\n    Properties: {}\n")]
    [InlineData("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {}\n}")]
    [InlineData("{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}")]
    [InlineData("{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\",}}")]
    [InlineData("Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties: {A: [1, 2\n")]
    public void Templates_even_broken_ones_look_like_templates(string text)
    {
        Assert.True(CloudFormationReader.LooksLikeTemplate(text));
    }

    [Theory]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n")]
    [InlineData("services:\n  web:\n    image: nginx\n    ports: ['80:80']\n  db:\n    image: postgres\n")]
    [InlineData("partner: Example SAS\ncatalog: aws-retail-consulting-2019-12\ncaseStudies:\n  - id: cs1\n    title: Store\n")]
    [InlineData("a: 1\nb: [x, y]\nResourcesUsed: 3\n")]
    [InlineData("- name: Bucket, PASS\n  input:\n    Resources:\n      B:\n        Type: AWS::S3::Bucket\n")]
    [InlineData("{\"requestId\": 1, \"fragment\": {\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    [InlineData("Licensed under the Apache License, Version 2.0 (the \"License\").\n")]
    public void Other_files_do_not(string text)
    {
        Assert.False(CloudFormationReader.LooksLikeTemplate(text));
    }
}
