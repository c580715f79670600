using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Accounts;
using Api.Dossiers;
using Api.Public;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Procedures.Dossiers;

namespace Api.Hosting;

/// <summary>The OpenAPI document: both sign-in schemes, which operations need them, and examples of the main requests.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddIsoOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        // Two records named DocumentView (a procedure's required document, a dossier's handed-in document).
        o.CreateSchemaReferenceId = info => info.Type == typeof(Procedures.Catalogue.DocumentView) ? "ProcedureDocumentView"
            : OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ISO điện tử API";
            document.Info.Description = """
                Hệ thống quản lý hồ sơ thủ tục hành chính — REST API for officials, citizens and other systems.
                Sign in with POST /api/v1/auth/sign-in (cookie, web UI) or POST /api/v1/auth/token (bearer; client_credentials for systems).
                Errors are application/problem+json in Vietnamese, or English with Accept-Language: en.
                State-changing calls on a dossier accept If-Match with the ETag of GET /api/v1/dossiers/{id}; a stale one answers 412.
                """;
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "Token from POST /api/v1/auth/token.",
            };
            document.Components.SecuritySchemes["Cookie"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "iso.auth", Description = "Cookie set by POST /api/v1/auth/sign-in.",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<Api.Problems.IdempotentCreation>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = Api.Problems.IdempotencyKeyHeader.Name, In = ParameterLocation.Header, Required = false,
                    Description = "Một khóa cho mỗi lần điền biểu mẫu: gửi lại cùng khóa trả về kết quả đầu tiên, không tạo thêm. / One key per form instance: a retry with it answers the first result and creates nothing; with another request body it answers 409.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Procedures.Common.IdempotencyKey.MaxLength },
                });
            }
            if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any()) return Task.CompletedTask;
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Cookie", context.Document)] = [] },
            ];
            return Task.CompletedTask;
        });
        o.AddSchemaTransformer((schema, context, _) =>
        {
            if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
                schema.Examples = [JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Options)!];
            return Task.CompletedTask;
        });
    });

    private static readonly Guid ShopYenSon = Guid.Parse("0199a000-0000-7000-8000-000000000101");
    private static readonly Guid Procedure = Guid.Parse("0199a000-0000-7000-8000-000000000201");

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(SignInRequest)] = new SignInRequest("ys.clerk", DemoAccounts.Password),
        [typeof(TokenRequest)] = new TokenRequest("password", "ys.clerk", DemoAccounts.Password),
        [typeof(RegisterRequest)] = new RegisterRequest("Nguyễn Văn An", "an.nguyen@example.vn", "MatKhau@2025"),
        [typeof(ReceiveAtCounterRequest)] = new ReceiveAtCounterRequest(ShopYenSon, Procedure,
            new ApplicantData("Nguyễn Văn An", "001085012345", "0912345678", "an@example.vn", "Thôn 1, xã Yên Sơn"),
            [new HandedDocument(Guid.Parse("0199a000-0000-7000-8000-000000000301"))]),
        [typeof(AssignRequest)] = new AssignRequest("ys.economy.specialist", "Xử lý trong ngày"),
        [typeof(AppraisalRequest)] = new AppraisalRequest("Hồ sơ hợp lệ, đủ điều kiện cấp giấy chứng nhận.", "Cấp Giấy chứng nhận đăng ký hộ kinh doanh",
            Fields: new Dictionary<string, string> { ["registrationNumber"] = "HKD-2026-0001" }),
        [typeof(SupplementRequestRequest)] = new SupplementRequestRequest(["Bản sao hợp đồng thuê địa điểm"], "Thiếu giấy tờ về địa điểm kinh doanh"),
        [typeof(ReasonRequest)] = new ReasonRequest("Ngành nghề kinh doanh thuộc danh mục cấm"),
        [typeof(ApologyRequest)] = new ApologyRequest("Chờ xác minh thực địa", new DateOnly(2026, 12, 4), ShopYenSon),
        [typeof(DossierSearchRequest)] = new DossierSearchRequest(ApplicantName: "Nguyễn", Status: DossierStatus.Processing, PageSize: 20),
        [typeof(TrackingRequest)] = new TrackingRequest("001.01.31.H29-261123-0001", "5678"),
    };
}
