// Written by scripts/generate.mjs (scripts/lib/request-forms.mjs) from the bundles: never edit by hand.
// Every request body that is a oneOf of forms, keyed by service and "METHOD path": for each form,
// what it names, requires and checks at each level, so src/errors.ts can tell which form a
// refused body meant and which of the mock's violations are that form's.

export interface BodyShape {
  /** Always required at this level. */
  required?: string[];
  /**
   * Required only under a condition: for each name, the keyword whose violation comes right after
   * the missing one's when the condition holds (`if`, `oneOf`, `anyOf`; "" for none).
   */
  conditional?: Record<string, string[]>;
  /** The keywords a violation here can have (Prism's `code`). */
  keywords?: string[];
  /** Each enum's values, as Prism lists them ("x86, arm"). */
  allowed?: string[];
  properties?: Record<string, BodyShape>;
  /** Each item of an array. */
  items?: BodyShape;
  /** Each value of a map. */
  values?: BodyShape;
}

export interface OneOfBody {
  /** The request schema, e.g. CreateImageRequest. */
  schema: string;
  /** Its forms, in oneOf order, each named by its schema's title. */
  forms: Array<{ name: string; shape: BodyShape }>;
}

export const requestForms: Record<"evs" | "ims", Record<string, OneOfBody>> = {
  "evs": {},
  "ims": {
    "POST /v2/cloudimages/action": {
      "schema": "CreateImageRequest",
      "forms": [
        {
          "name": "ImageFromServer",
          "shape": {
            "required": [
              "name",
              "instance_id"
            ],
            "keywords": [
              "unevaluatedProperties",
              "required",
              "type",
              "if"
            ],
            "properties": {
              "name": {
                "keywords": [
                  "type",
                  "pattern",
                  "minLength",
                  "maxLength"
                ]
              },
              "description": {
                "keywords": [
                  "type",
                  "pattern",
                  "maxLength"
                ]
              },
              "tags": {
                "keywords": [
                  "type"
                ],
                "items": {
                  "keywords": [
                    "type",
                    "pattern"
                  ]
                }
              },
              "image_tags": {
                "keywords": [
                  "type",
                  "false schema"
                ],
                "items": {
                  "required": [
                    "key",
                    "value"
                  ],
                  "keywords": [
                    "type",
                    "additionalProperties",
                    "required"
                  ],
                  "properties": {
                    "key": {
                      "keywords": [
                        "type",
                        "pattern",
                        "minLength",
                        "maxLength"
                      ]
                    },
                    "value": {
                      "keywords": [
                        "type",
                        "pattern",
                        "maxLength"
                      ]
                    }
                  }
                }
              },
              "enterprise_project_id": {
                "keywords": [
                  "type",
                  "pattern"
                ]
              },
              "max_ram": {
                "keywords": [
                  "type"
                ]
              },
              "min_ram": {
                "keywords": [
                  "type"
                ]
              },
              "instance_id": {
                "keywords": [
                  "type"
                ]
              },
              "data_images": {
                "keywords": [
                  "type"
                ],
                "items": {
                  "required": [
                    "name",
                    "volume_id"
                  ],
                  "keywords": [
                    "unevaluatedProperties",
                    "required",
                    "type",
                    "if"
                  ],
                  "properties": {
                    "name": {
                      "keywords": [
                        "type",
                        "pattern",
                        "minLength",
                        "maxLength"
                      ]
                    },
                    "description": {
                      "keywords": [
                        "type",
                        "pattern",
                        "maxLength"
                      ]
                    },
                    "tags": {
                      "keywords": [
                        "type"
                      ],
                      "items": {
                        "keywords": [
                          "type",
                          "pattern"
                        ]
                      }
                    },
                    "image_tags": {
                      "keywords": [
                        "type",
                        "false schema"
                      ],
                      "items": {
                        "required": [
                          "key",
                          "value"
                        ],
                        "keywords": [
                          "type",
                          "additionalProperties",
                          "required"
                        ],
                        "properties": {
                          "key": {
                            "keywords": [
                              "type",
                              "pattern",
                              "minLength",
                              "maxLength"
                            ]
                          },
                          "value": {
                            "keywords": [
                              "type",
                              "pattern",
                              "maxLength"
                            ]
                          }
                        }
                      }
                    },
                    "volume_id": {
                      "keywords": [
                        "type"
                      ]
                    }
                  }
                }
              }
            }
          }
        },
        {
          "name": "DataImagesFromServer",
          "shape": {
            "required": [
              "data_images"
            ],
            "keywords": [
              "unevaluatedProperties",
              "required",
              "type",
              "if"
            ],
            "properties": {
              "name": {
                "keywords": [
                  "type",
                  "pattern",
                  "minLength",
                  "maxLength"
                ]
              },
              "description": {
                "keywords": [
                  "type",
                  "pattern",
                  "maxLength"
                ]
              },
              "tags": {
                "keywords": [
                  "type"
                ],
                "items": {
                  "keywords": [
                    "type",
                    "pattern"
                  ]
                }
              },
              "image_tags": {
                "keywords": [
                  "type",
                  "false schema"
                ],
                "items": {
                  "required": [
                    "key",
                    "value"
                  ],
                  "keywords": [
                    "type",
                    "additionalProperties",
                    "required"
                  ],
                  "properties": {
                    "key": {
                      "keywords": [
                        "type",
                        "pattern",
                        "minLength",
                        "maxLength"
                      ]
                    },
                    "value": {
                      "keywords": [
                        "type",
                        "pattern",
                        "maxLength"
                      ]
                    }
                  }
                }
              },
              "enterprise_project_id": {
                "keywords": [
                  "type",
                  "pattern"
                ]
              },
              "max_ram": {
                "keywords": [
                  "type"
                ]
              },
              "min_ram": {
                "keywords": [
                  "type"
                ]
              },
              "data_images": {
                "keywords": [
                  "type",
                  "minItems"
                ],
                "items": {
                  "required": [
                    "name",
                    "volume_id"
                  ],
                  "keywords": [
                    "unevaluatedProperties",
                    "required",
                    "type",
                    "if"
                  ],
                  "properties": {
                    "name": {
                      "keywords": [
                        "type",
                        "pattern",
                        "minLength",
                        "maxLength"
                      ]
                    },
                    "description": {
                      "keywords": [
                        "type",
                        "pattern",
                        "maxLength"
                      ]
                    },
                    "tags": {
                      "keywords": [
                        "type"
                      ],
                      "items": {
                        "keywords": [
                          "type",
                          "pattern"
                        ]
                      }
                    },
                    "image_tags": {
                      "keywords": [
                        "type",
                        "false schema"
                      ],
                      "items": {
                        "required": [
                          "key",
                          "value"
                        ],
                        "keywords": [
                          "type",
                          "additionalProperties",
                          "required"
                        ],
                        "properties": {
                          "key": {
                            "keywords": [
                              "type",
                              "pattern",
                              "minLength",
                              "maxLength"
                            ]
                          },
                          "value": {
                            "keywords": [
                              "type",
                              "pattern",
                              "maxLength"
                            ]
                          }
                        }
                      }
                    },
                    "volume_id": {
                      "keywords": [
                        "type"
                      ]
                    }
                  }
                }
              }
            }
          }
        },
        {
          "name": "ImageFromObsFile",
          "shape": {
            "required": [
              "name",
              "image_url",
              "min_disk"
            ],
            "conditional": {
              "os_version": [
                "if"
              ]
            },
            "keywords": [
              "unevaluatedProperties",
              "required",
              "type",
              "if"
            ],
            "properties": {
              "name": {
                "keywords": [
                  "type",
                  "pattern",
                  "minLength",
                  "maxLength"
                ]
              },
              "description": {
                "keywords": [
                  "type",
                  "pattern",
                  "maxLength"
                ]
              },
              "tags": {
                "keywords": [
                  "type"
                ],
                "items": {
                  "keywords": [
                    "type",
                    "pattern"
                  ]
                }
              },
              "image_tags": {
                "keywords": [
                  "type",
                  "false schema"
                ],
                "items": {
                  "required": [
                    "key",
                    "value"
                  ],
                  "keywords": [
                    "type",
                    "additionalProperties",
                    "required"
                  ],
                  "properties": {
                    "key": {
                      "keywords": [
                        "type",
                        "pattern",
                        "minLength",
                        "maxLength"
                      ]
                    },
                    "value": {
                      "keywords": [
                        "type",
                        "pattern",
                        "maxLength"
                      ]
                    }
                  }
                }
              },
              "enterprise_project_id": {
                "keywords": [
                  "type",
                  "pattern"
                ]
              },
              "max_ram": {
                "keywords": [
                  "type"
                ]
              },
              "min_ram": {
                "keywords": [
                  "type"
                ]
              },
              "image_url": {
                "keywords": [
                  "type",
                  "pattern"
                ]
              },
              "min_disk": {
                "keywords": [
                  "type",
                  "minimum",
                  "maximum"
                ]
              },
              "os_type": {
                "keywords": [
                  "type",
                  "enum"
                ],
                "allowed": [
                  "Linux, Windows, Other"
                ]
              },
              "os_version": {
                "keywords": [
                  "type",
                  "minLength"
                ]
              },
              "is_config": {
                "keywords": [
                  "type"
                ]
              },
              "is_config_init": {
                "keywords": [
                  "type"
                ]
              },
              "cmk_id": {
                "keywords": [
                  "type"
                ]
              },
              "type": {
                "keywords": [
                  "type",
                  "enum"
                ],
                "allowed": [
                  "ECS, BMS, FusionCompute, Ironic, IsoImage"
                ]
              },
              "is_quick_import": {
                "keywords": [
                  "type"
                ]
              },
              "architecture": {
                "keywords": [
                  "type",
                  "enum"
                ],
                "allowed": [
                  "x86, arm"
                ]
              },
              "data_images": {
                "keywords": [
                  "type",
                  "maxItems"
                ],
                "items": {
                  "required": [
                    "image_url",
                    "min_disk"
                  ],
                  "keywords": [
                    "unevaluatedProperties",
                    "required",
                    "type",
                    "if"
                  ],
                  "properties": {
                    "name": {
                      "keywords": [
                        "type",
                        "pattern",
                        "minLength",
                        "maxLength"
                      ]
                    },
                    "description": {
                      "keywords": [
                        "type",
                        "pattern",
                        "maxLength"
                      ]
                    },
                    "tags": {
                      "keywords": [
                        "type"
                      ],
                      "items": {
                        "keywords": [
                          "type",
                          "pattern"
                        ]
                      }
                    },
                    "image_tags": {
                      "keywords": [
                        "type",
                        "false schema"
                      ],
                      "items": {
                        "required": [
                          "key",
                          "value"
                        ],
                        "keywords": [
                          "type",
                          "additionalProperties",
                          "required"
                        ],
                        "properties": {
                          "key": {
                            "keywords": [
                              "type",
                              "pattern",
                              "minLength",
                              "maxLength"
                            ]
                          },
                          "value": {
                            "keywords": [
                              "type",
                              "pattern",
                              "maxLength"
                            ]
                          }
                        }
                      }
                    },
                    "image_url": {
                      "keywords": [
                        "type",
                        "pattern"
                      ]
                    },
                    "min_disk": {
                      "keywords": [
                        "type",
                        "minimum",
                        "maximum"
                      ]
                    },
                    "is_quick_import": {
                      "keywords": [
                        "type"
                      ]
                    }
                  }
                }
              }
            }
          }
        },
        {
          "name": "SystemImageFromDataVolume",
          "shape": {
            "required": [
              "name",
              "volume_id",
              "os_version"
            ],
            "keywords": [
              "unevaluatedProperties",
              "required",
              "type",
              "if"
            ],
            "properties": {
              "name": {
                "keywords": [
                  "type",
                  "pattern",
                  "minLength",
                  "maxLength"
                ]
              },
              "description": {
                "keywords": [
                  "type",
                  "pattern",
                  "maxLength"
                ]
              },
              "tags": {
                "keywords": [
                  "type"
                ],
                "items": {
                  "keywords": [
                    "type",
                    "pattern"
                  ]
                }
              },
              "image_tags": {
                "keywords": [
                  "type",
                  "false schema"
                ],
                "items": {
                  "required": [
                    "key",
                    "value"
                  ],
                  "keywords": [
                    "type",
                    "additionalProperties",
                    "required"
                  ],
                  "properties": {
                    "key": {
                      "keywords": [
                        "type",
                        "pattern",
                        "minLength",
                        "maxLength"
                      ]
                    },
                    "value": {
                      "keywords": [
                        "type",
                        "pattern",
                        "maxLength"
                      ]
                    }
                  }
                }
              },
              "enterprise_project_id": {
                "keywords": [
                  "type",
                  "pattern"
                ]
              },
              "max_ram": {
                "keywords": [
                  "type"
                ]
              },
              "min_ram": {
                "keywords": [
                  "type"
                ]
              },
              "volume_id": {
                "keywords": [
                  "type"
                ]
              },
              "os_version": {
                "keywords": [
                  "type",
                  "minLength"
                ]
              },
              "type": {
                "keywords": [
                  "type",
                  "enum"
                ],
                "allowed": [
                  "ECS, BMS, FusionCompute, Ironic"
                ]
              }
            }
          }
        }
      ]
    }
  }
};
