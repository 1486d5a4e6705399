// The API docs page: Swagger UI, served from this server, reading /openapi.json.
SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null,
                 deepLinking: true});
