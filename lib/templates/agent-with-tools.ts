import { type AssetInput, boundary, flow, node, when } from "./diagram";
import { defineTemplate, parameter } from "./types";

/**
 * Grid: the agent sits in the middle of the platform with its prompt, memory, approval step and
 * tools in the cells around it, so every flow to it is short; users and web pages on the left,
 * third-party services on the right.
 */
export const agentWithTools = defineTemplate({
  id: "agent-with-tools",
  name: "LLM agent with tools",
  description:
    "An assistant agent that acts for its user: a system prompt, long-term memory in a vector store, a " +
    "hosted LLM, and tools that send email and optionally browse, run code or make payments.",
  parameters: [
    parameter(
      "actsWithoutConfirmation",
      "Acts without confirmation",
      "The agent runs tool calls directly, with no approval step where the user confirms each action.",
      false,
    ),
    parameter(
      "readsExternalContent",
      "Reads external content",
      "A web fetch tool brings pages anyone can write into the agent's context and memory.",
      true,
    ),
    parameter("hasPaymentTool", "Has a payment tool", "The agent can pay through a payment provider.", false),
    parameter("executesCode", "Executes code", "The agent runs code it writes in a sandbox.", false),
  ],
  build: ({ actsWithoutConfirmation, readsExternalContent, hasPaymentTool, executesCode }) => {
    const tools = [
      "send_email",
      ...when(readsExternalContent, "fetch_url"),
      ...when(executesCode, "run_code"),
      ...when(hasPaymentTool, "make_payment"),
    ];
    const isThirdRowUsed = readsExternalContent || executesCode || hasPaymentTool;
    const actions = ["sends email", ...when(hasPaymentTool, "pays"), ...when(executesCode, "runs code")];
    return {
      schemaVersion: 1,
      title: "LLM agent with tools",
      description:
        "A user gives tasks to an agent through a chat app; the agent plans with a hosted LLM, remembers " +
        "past conversations in a vector store and acts through tools.",
      scope: {
        purpose: `Carry out tasks for a signed-in user: the agent ${actions.join(", ")} on their behalf.`,
        systemType: "agentic",
        successCriteria:
          "The agent takes only the actions its user asked for" +
          (actsWithoutConfirmation ? "" : ", each confirmed by the user before it runs") +
          ", and never discloses one user's data to another.",
        harmDefinition:
          "Injected instructions make the agent send email" +
          (hasPaymentTool ? ", move money" : "") +
          (executesCode ? ", run harmful code" : "") +
          " or leak its memory on an attacker's behalf.",
      },
      assumptions: [
        "Each user's memories are stored and retrieved separately.",
        "The LLM vendor does not train on prompts sent through the API.",
      ],
      elements: [
        boundary("b-internet", "Internet", "untrusted", {
          col: 0,
          row: 0,
          rows: readsExternalContent ? 3 : 1,
        }),
        boundary("b-platform", "Agent platform", "internal", {
          col: 1,
          row: 0,
          cols: 3,
          rows: isThirdRowUsed ? 3 : 2,
        }),
        ...when(
          executesCode,
          boundary("b-sandbox", "Code sandbox", "untrusted", { col: 2, row: 2 }, "b-platform"),
        ),
        boundary("b-services", "Third-party services", "partner", {
          col: 4,
          row: 0,
          rows: hasPaymentTool ? 3 : 2,
        }),
        node("e-user", "end-user", "User", { col: 0, row: 0 }, "b-internet", { authenticated: true }),
        node("e-chat-app", "process", "Assistant app", { col: 1, row: 0 }, "b-platform", {
          technology: "web app",
        }),
        node("e-system-prompt", "prompt-template", "System prompt", { col: 2, row: 0 }, "b-platform", {
          includesUntrustedInput: true,
          containsSecrets: false,
        }),
        node("e-memory", "vector-store", "Agent memory", { col: 3, row: 0 }, "b-platform", {
          sources: ["conversation summaries", ...when(readsExternalContent, "fetched web pages")],
          containsPersonalData: true,
        }),
        node("e-agent", "llm-agent", "Assistant agent", { col: 2, row: 1 }, "b-platform", {
          model: "Hosted LLM",
          tools,
          autonomy: actsWithoutConfirmation ? "acts-without-confirmation" : "acts-with-confirmation",
        }),
        ...when(
          !actsWithoutConfirmation,
          node("e-approval", "process", "Action approval", { col: 1, row: 1 }, "b-platform", {
            technology: "confirmation dialog in the app",
          }),
        ),
        node("e-email-tool", "process", "Email tool", { col: 3, row: 1 }, "b-platform", {
          technology: "email API client",
        }),
        ...when(
          readsExternalContent,
          node("e-web-pages", "external-entity", "Web pages", { col: 0, row: 2 }, "b-internet", {
            organization: "anyone who can publish on the web",
          }),
          node("e-web-fetch", "process", "Web fetch tool", { col: 1, row: 2 }, "b-platform", {
            technology: "headless browser",
          }),
        ),
        ...when(
          executesCode,
          node("e-code-runner", "process", "Code interpreter", { col: 2, row: 2 }, "b-sandbox", {
            technology: "container sandbox",
          }),
        ),
        ...when(
          hasPaymentTool,
          node("e-payments-tool", "process", "Payments tool", { col: 3, row: 2 }, "b-platform", {
            technology: "payment API client",
          }),
          node(
            "e-payment-provider",
            "external-entity",
            "Payment provider",
            { col: 4, row: 2 },
            "b-services",
            {
              organization: "Payment service provider",
            },
          ),
        ),
        node("e-llm", "third-party-model", "Hosted LLM", { col: 4, row: 0 }, "b-services", {
          vendor: "LLM API provider",
          servesLlm: true,
        }),
        node("e-mail-service", "external-entity", "Email provider", { col: 4, row: 1 }, "b-services", {
          organization: "Email SaaS",
        }),
      ],
      flows: [
        flow("f-chat", "e-user", "e-chat-app", "Requests and replies", {
          protocol: "HTTPS",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
          bidirectional: true,
        }),
        flow("f-task", "e-chat-app", "e-agent", "Tasks and results", {
          protocol: "gRPC",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
          bidirectional: true,
        }),
        flow("f-system-prompt", "e-system-prompt", "e-agent", "Instructions", {
          protocol: "in-process",
          dataClassification: "internal",
        }),
        flow("f-memory", "e-agent", "e-memory", "Stored and recalled memories", {
          protocol: "HTTPS",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
          bidirectional: true,
        }),
        flow("f-llm", "e-agent", "e-llm", "Prompts and completions", {
          protocol: "HTTPS",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
          bidirectional: true,
        }),
        ...when(
          !actsWithoutConfirmation,
          flow("f-proposed-action", "e-agent", "e-approval", "Proposed actions", {
            protocol: "gRPC",
            dataClassification: "confidential",
            encrypted: true,
            authenticated: true,
            bidirectional: true,
          }),
          flow("f-decision", "e-user", "e-approval", "Approve or reject", {
            protocol: "HTTPS",
            dataClassification: "internal",
            encrypted: true,
            authenticated: true,
          }),
        ),
        flow("f-send-email", "e-agent", "e-email-tool", "Email to send", {
          protocol: "in-process",
          dataClassification: "confidential",
        }),
        flow("f-outgoing-email", "e-email-tool", "e-mail-service", "Outgoing email", {
          protocol: "HTTPS",
          dataClassification: "confidential",
          encrypted: true,
          authenticated: true,
        }),
        ...when(
          readsExternalContent,
          flow("f-fetch", "e-web-pages", "e-web-fetch", "Page content", {
            protocol: "HTTPS",
            dataClassification: "public",
            encrypted: true,
          }),
          flow("f-fetched", "e-web-fetch", "e-agent", "Fetched content", {
            protocol: "in-process",
            dataClassification: "public",
          }),
        ),
        ...when(
          executesCode,
          flow("f-run-code", "e-agent", "e-code-runner", "Code and output", {
            protocol: "gRPC",
            dataClassification: "confidential",
            encrypted: true,
            authenticated: true,
            bidirectional: true,
          }),
        ),
        ...when(
          hasPaymentTool,
          flow("f-payment", "e-agent", "e-payments-tool", "Payment instruction", {
            protocol: "in-process",
            dataClassification: "restricted",
          }),
          flow("f-payment-order", "e-payments-tool", "e-payment-provider", "Payment order", {
            protocol: "HTTPS",
            dataClassification: "restricted",
            encrypted: true,
            authenticated: true,
          }),
        ),
      ],
      assets: [
        {
          id: "a-conversations",
          name: "Conversations and memories",
          type: "personal data",
          classification: "confidential",
          provenance: "user-generated",
          cia: { confidentiality: "high", integrity: "medium" },
          elementIds: ["e-chat-app", "e-agent", "e-memory"],
        },
        {
          id: "a-tool-credentials",
          name: "Tool credentials",
          type: "secrets",
          classification: "restricted",
          provenance: "first-party",
          cia: { confidentiality: "high", integrity: "high" },
          elementIds: ["e-email-tool", ...when(hasPaymentTool, "e-payments-tool")],
        },
        {
          id: "a-llm",
          name: "Hosted language model",
          type: "model",
          classification: "internal",
          provenance: "vendor-model",
          cia: { integrity: "high", availability: "high" },
          elementIds: ["e-llm"],
        },
        ...when<AssetInput>(readsExternalContent, {
          id: "a-web-content",
          name: "Fetched web content",
          type: "documents",
          classification: "public",
          provenance: "user-generated",
          cia: { integrity: "high" },
          elementIds: ["e-web-fetch", "e-memory"],
        }),
      ],
    };
  },
});
