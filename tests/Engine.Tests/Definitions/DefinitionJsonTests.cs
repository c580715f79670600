using System.Text.Json.Nodes;
using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_a_definition_is_stored_as_json
{
    [Test]
    public void Should_use_camel_case_lower_case_kinds_and_working_time_text()
    {
        var json = JsonNode.Parse(DefinitionJson.Serialize(Samples.ApprovalDefinition()))!;
        json["legalLimit"]!.GetValue<string>().ShouldBe("10d");
        var approve = json["steps"]![2]!;
        approve["kind"]!.GetValue<string>().ShouldBe("human");
        approve["budget"]!.GetValue<string>().ShouldBe("2d");
        approve["actions"]![1]!["commentRequired"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Test]
    public void Should_leave_out_nulls_empty_lists_and_false()
    {
        var json = JsonNode.Parse(DefinitionJson.Serialize(Samples.ApprovalDefinition()))!.AsObject();
        json.ContainsKey("description").ShouldBeFalse();
        json.ContainsKey("inputs").ShouldBeFalse();
        var end = json["steps"]![3]!.AsObject();
        end.Select(p => p.Key).ShouldBe(["id", "kind", "outcome"]);
        json["steps"]![2]!["actions"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["name", "to"]);
    }

    [Test]
    public void Should_round_trip_from_yaml_to_the_same_json()
    {
        var definition = Samples.ConsultationDefinition();
        definition.Steps[0].Set["fee"] = 50000L;
        var json = DefinitionJson.Serialize(definition);
        DefinitionJson.Serialize(DefinitionJson.Deserialize(json)).ShouldBe(json);
    }

    [Test]
    public void Should_keep_the_json_types_of_set_and_emit_values()
    {
        var definition = Samples.Parse("""
            id: x
            steps:
              - id: a
                kind: automatic
                set: { fee: 50000, rate: 0.25, paid: false, note: null, code: "007" }
                emit: { type: paid, data: { amount: 12.50, ok: true } }
            """);
        var back = DefinitionJson.Deserialize(DefinitionJson.Serialize(definition)).Steps[0];
        back.Set.ShouldBe(new Dictionary<string, object?> { ["fee"] = 50000L, ["rate"] = 0.25m, ["paid"] = false, ["note"] = null, ["code"] = "007" });
        back.Emit!.Data.ShouldBe(new Dictionary<string, object?> { ["amount"] = 12.50m, ["ok"] = true });
        DefinitionJson.Serialize(definition).ShouldContain("\"set\":{\"fee\":50000,\"rate\":0.25,\"paid\":false,\"note\":null,\"code\":\"007\"}");
    }

    [Test]
    public void Should_keep_non_ascii_text_readable()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Title = "Đăng ký hộ kinh doanh";
        DefinitionJson.Serialize(definition).ShouldContain("\"title\":\"Đăng ký hộ kinh doanh\"");
    }
}

public sealed class When_hashing_a_definition
{
    [Test]
    public void Should_give_the_same_hash_for_the_same_content()
    {
        var hash = DefinitionJson.ContentHash(Samples.ApprovalDefinition());
        hash.ShouldMatch("^[0-9a-f]{64}$");
        DefinitionJson.ContentHash(Samples.Parse(Samples.Approval.Replace("title: Permit", "title: 'Permit'  # quoted", StringComparison.Ordinal)))
            .ShouldBe(hash);
    }

    [Test]
    public void Should_change_when_anything_changes()
    {
        var definition = Samples.ApprovalDefinition();
        var before = DefinitionJson.ContentHash(definition);
        definition.Step("approve").Budget = WorkingTime.Days(3);
        DefinitionJson.ContentHash(definition).ShouldNotBe(before);
    }
}
