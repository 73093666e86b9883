// Starts Swagger UI on /api/v1/docs (grappe.service.api_docs). A static file rather than an
// inline script, so that the Content-Security-Policy can forbid inline scripts everywhere.
(function () {
  "use strict";
  var node = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: node.getAttribute("data-openapi-url"),
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    validatorUrl: null, // no badge fetched from validator.swagger.io
    presets: [SwaggerUIBundle.presets.apis]
  });
})();
